package org.rapport.people;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a team within its organisation. */
public record TeamId(@JsonValue UUID value) {

    public TeamId {
        if (value == null) throw new IllegalArgumentException("a team id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
