package org.rapport.relationships;

/** The relationship's status changed. */
public record RelationshipStatusChanged(RelationshipId relationship, RelationshipStatus from, RelationshipStatus to, java.time.Instant at) {
}
