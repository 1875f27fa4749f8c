/**
 * Protection of what people write about a client: the one authenticated-encryption envelope (Tink
 * AEAD, AES-256-GCM) every module uses for narrative text, its key's configuration and rotation, the
 * sealing of an aggregate's texts as Spring Data JDBC saves it ({@link SealedTexts}), and the
 * start-up conversion that seals text stored in the clear by an earlier version. Every ciphertext is
 * bound to its organisation, record and field. It never logs text or the key, and touches a module's
 * tables only through the columns and stores that module declares.
 */
@NullMarked
package org.rapport.protection;

import org.jspecify.annotations.NullMarked;
