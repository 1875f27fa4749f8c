package org.rapport.goals;

import java.util.List;
import org.rapport.relationships.RelationshipId;

/**
 * One goal's page: the goal, its ratings with the day of the session each was made in (oldest
 * first), the sessions where it was worked on, and its status changes.
 */
public record GoalHistory(RelationshipId relationship, GoalView goal, List<RatingView> ratings,
        List<RatingView> sessionsWorkedOn, List<GoalStatusChange> statusChanges, boolean mayChange) {
}
