package org.rapport.sessions;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a session. */
public record SessionId(@JsonValue UUID value) {
    public SessionId {
        if (value == null) throw new IllegalArgumentException("a session id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
