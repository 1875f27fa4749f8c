package org.rapport.relationships;

/** A referral opened a relationship. */
public record RelationshipReferred(RelationshipId relationship, java.time.Instant at) {
}
