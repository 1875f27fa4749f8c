package org.rapport.people;

import java.util.UUID;

/** Identifies a team within its organisation. */
public record TeamId(UUID value) {

    public TeamId {
        if (value == null) throw new IllegalArgumentException("a team id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
