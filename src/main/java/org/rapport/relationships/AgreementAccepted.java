package org.rapport.relationships;

/** The client accepted a revision of the working agreement. */
public record AgreementAccepted(RelationshipId relationship, int revision, java.time.LocalDate acceptedOn) {
}
