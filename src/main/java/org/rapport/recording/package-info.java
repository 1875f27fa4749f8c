/**
 * Quick recording: one short form that records a session, who came, the skills leaned on, a rating
 * for each active goal and a note, all at once and all or nothing. It owns no data of its own; it
 * calls the sessions, goals and notes modules' public APIs in one transaction. Its form also lists
 * the measures the relationship's measurement plan calls for at this session (measures module).
 */
@NullMarked
package org.rapport.recording;

import org.jspecify.annotations.NullMarked;
