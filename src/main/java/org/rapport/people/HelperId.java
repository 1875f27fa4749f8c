package org.rapport.people;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a helper within its organisation. */
public record HelperId(@JsonValue UUID value) {

    public HelperId {
        if (value == null) throw new IllegalArgumentException("a helper id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
