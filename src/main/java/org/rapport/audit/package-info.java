/**
 * The audit trail of clients' records: every read and every change, with who, when, what and from
 * where; and of sign-in accounts: each pause of sign-in after failed attempts, and each unlock. It
 * keeps no client content and is never edited, only appended to.
 */
@NullMarked
package org.rapport.audit;

import org.jspecify.annotations.NullMarked;
