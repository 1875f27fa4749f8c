package org.rapport.people;

import java.util.UUID;

/** Identifies a client member within its organisation. */
public record MemberId(UUID value) {

    public MemberId {
        if (value == null) throw new IllegalArgumentException("a client member id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
