package org.rapport.relationships;

/** What a handover answers with: the handover's number within the relationship and the relationship's new version. */
public record HandoverMade(int number, int version) {
}
