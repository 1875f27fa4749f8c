/**
 * The audit trail of clients' records: every read and every change, with who, when, what and from
 * where. It keeps no client content and is never edited, only appended to.
 */
@NullMarked
package org.rapport.audit;

import org.jspecify.annotations.NullMarked;
