package org.rapport.recording;

import org.jspecify.annotations.Nullable;
import org.rapport.notes.NoteId;
import org.rapport.sessions.SessionId;

/** What a quick recording stored: the session, and its note when one was written. */
public record RecordedSession(SessionId session, @Nullable NoteId note) {
}
