package org.rapport.notes;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a session note. */
public record NoteId(@JsonValue UUID value) {
    public NoteId {
        if (value == null) throw new IllegalArgumentException("a note id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
