package org.rapport.shared;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies the organisation that owns a record; every row in Rapport carries one. */
public record OrganisationId(@JsonValue UUID value) {

    public OrganisationId {
        if (value == null) throw new IllegalArgumentException("an organisation id needs a value");
    }

    public static OrganisationId of(String text) {
        return new OrganisationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
