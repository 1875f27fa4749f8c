package org.rapport.people;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a client party within its organisation. */
public record ClientPartyId(@JsonValue UUID value) {

    // In JSON, as everywhere an id is shown, the plain UUID.
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ClientPartyId {
        if (value == null) throw new IllegalArgumentException("a client party id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
