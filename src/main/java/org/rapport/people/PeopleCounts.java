package org.rapport.people;

/** How many active helpers and client parties an organisation has; numbers only, for its operator. */
public record PeopleCounts(int activeHelpers, int clientParties) {
}
