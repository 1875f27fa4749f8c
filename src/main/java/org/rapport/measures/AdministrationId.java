package org.rapport.measures;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one administration: one time an instrument was given to a client. */
public record AdministrationId(@JsonValue UUID value) {

    public AdministrationId {
        if (value == null) throw new IllegalArgumentException("an administration id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
