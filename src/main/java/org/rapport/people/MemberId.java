package org.rapport.people;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a client member within its organisation. */
public record MemberId(@JsonValue UUID value) {

    public MemberId {
        if (value == null) throw new IllegalArgumentException("a client member id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
