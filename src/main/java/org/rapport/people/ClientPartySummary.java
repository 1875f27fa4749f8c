package org.rapport.people;

/** A line in the list of client parties: who they are and how many current members they have today. */
public record ClientPartySummary(ClientPartyId id, ClientPartyKind kind, String name, int currentMembers) {
}
