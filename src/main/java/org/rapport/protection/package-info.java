/**
 * Protection of what people write about a client: the one authenticated-encryption envelope (Tink
 * AEAD, AES-256-GCM) every module uses for narrative text, its key's configuration, and the start-up
 * conversion that encrypts text stored in the clear by an earlier version. Every ciphertext is bound
 * to its organisation, record and field. It never logs text or the key, and never reads a module's
 * tables itself: each module converts its own rows.
 */
@NullMarked
package org.rapport.protection;

import org.jspecify.annotations.NullMarked;
