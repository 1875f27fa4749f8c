package org.rapport.relationships;

/** The relationship moved to another phase of its process model. */
public record PhaseChanged(RelationshipId relationship, String phaseKey, java.time.Instant at) {
}
