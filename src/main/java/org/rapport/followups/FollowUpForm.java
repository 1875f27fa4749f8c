package org.rapport.followups;

import org.jspecify.annotations.Nullable;
import org.rapport.measures.InstrumentDefinition;

/**
 * What a former client sees on their follow-up page: their first name only, the short measure if
 * there is one, and what their organisation tells clients to do if they need help now.
 */
public record FollowUpForm(String firstName, @Nullable InstrumentDefinition instrument, String crisisInformation) {
}
