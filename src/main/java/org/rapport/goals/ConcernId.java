package org.rapport.goals;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a concern. */
public record ConcernId(@JsonValue UUID value) {
    public ConcernId {
        if (value == null) throw new IllegalArgumentException("a concern id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
