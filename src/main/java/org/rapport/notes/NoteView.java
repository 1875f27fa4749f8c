package org.rapport.notes;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rapport.sessions.SessionId;

/**
 * A session note as the people who may read it see it: its sections, who wrote it and when,
 * whether it is signed (and so locked), and the addenda written since. Its text never appears in
 * {@link #toString()}, so a note cannot reach a log by accident.
 */
public record NoteView(NoteId id, SessionId session, String templateKey, String templateName,
        List<Section> sections, String authorName, Instant writtenAt, boolean signed, @Nullable Instant signedAt,
        @Nullable String signedByName, List<Addendum> addenda, int version) {

    public NoteView {
        sections = List.copyOf(sections);
        addenda = List.copyOf(addenda);
    }

    @Override
    public String toString() {
        return "NoteView[id=" + id + ", template=" + templateKey + ", sections=" + sections.size() + ", signed=" + signed
                + ", addenda=" + addenda.size() + ", version=" + version + "]";
    }

    /** One section of a note under its template's heading. */
    public record Section(String heading, String text) {
        @Override
        public String toString() {
            return "Section[heading=" + heading + ", " + text.length() + " characters]";
        }
    }

    /** A correction or addition made after the note was signed, with who wrote it and when. */
    public record Addendum(String text, String byName, Instant at) {
        @Override
        public String toString() {
            return "Addendum[by=" + byName + ", at=" + at + ", " + text.length() + " characters]";
        }
    }
}
