package org.rapport.goals;

import java.time.LocalDate;
import java.util.List;

/** A concern identified with the client, in their words, and the goals set against it. */
public record ConcernView(ConcernId id, String description, LocalDate identifiedOn, String identifiedByName,
        List<GoalView> goals) {
}
