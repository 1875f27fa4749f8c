package org.rapport.followups;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one way back in: a reconnect link, or a follow-up answered "yes". */
public record ReconnectId(@JsonValue UUID value) {

    public ReconnectId {
        if (value == null) throw new IllegalArgumentException("an id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
