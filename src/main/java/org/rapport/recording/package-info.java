/**
 * Quick recording: one short form that records a session, who came, the skills leaned on, a rating
 * for each active goal and a note, all at once and all or nothing. It owns no data of its own; it
 * calls the sessions, goals and notes modules' public APIs in one transaction.
 */
@NullMarked
package org.rapport.recording;

import org.jspecify.annotations.NullMarked;
