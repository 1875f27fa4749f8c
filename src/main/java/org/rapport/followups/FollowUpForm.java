package org.rapport.followups;

import org.jspecify.annotations.Nullable;
import org.rapport.measures.InstrumentDefinition;

/** What a former client sees on their follow-up page: their first name only, and the short measure if there is one. */
public record FollowUpForm(String firstName, @Nullable InstrumentDefinition instrument) {
}
