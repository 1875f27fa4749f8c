/**
 * Notes: the session note a helper writes to a template (DAP, SOAP, BIRP, free text or one of the
 * organisation's own), signs and so locks, and corrects afterwards only by addenda that keep who
 * and when; and the private process note only its author ever reads. Note text is encrypted at rest
 * with Tink's authenticated encryption and never logged; who may read a note follows who may see
 * its session, and who may write one follows who may change it. Every read and change is audited.
 */
@NullMarked
package org.rapport.notes;

import org.jspecify.annotations.NullMarked;
