package org.rapport.people;

import java.util.UUID;

/** Identifies a client party within its organisation. */
public record ClientPartyId(UUID value) {

    public ClientPartyId {
        if (value == null) throw new IllegalArgumentException("a client party id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
