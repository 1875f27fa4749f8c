package org.rapport.relationships;

/** A new revision of the working agreement was written. */
public record AgreementRevised(RelationshipId relationship, int revision, java.time.Instant at) {
}
