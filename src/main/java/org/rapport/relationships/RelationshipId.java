package org.rapport.relationships;

import java.util.UUID;

/** Identifies a helping relationship. */
public record RelationshipId(UUID value) {
    public RelationshipId {
        if (value == null) throw new IllegalArgumentException("a relationship id needs a value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
