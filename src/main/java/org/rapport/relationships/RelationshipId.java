package org.rapport.relationships;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a helping relationship. */
public record RelationshipId(@JsonValue UUID value) {
    // In JSON, as everywhere an id is shown, the plain UUID.
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public RelationshipId {
        if (value == null) throw new IllegalArgumentException("a relationship id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
