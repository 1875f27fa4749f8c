package org.rapport.goals;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rapport.relationships.RelationshipId;

/**
 * A relationship's concerns and goals, and its goal attainment T-score now and over time.
 *
 * <p>The T-score counts the goals that are active, achieved or not achieved and have been rated,
 * each at its latest rating, weighted by importance × difficulty (1 when unweighted). Goals that
 * are proposed, on hold or cancelled are left out. The history has one point for each day on which
 * a counted goal was rated, computed from each counted goal's latest rating up to that day.
 */
public record GoalsOverview(RelationshipId relationship, List<ConcernView> concerns, List<GoalView> goalsWithoutConcern,
        @Nullable TScorePoint tScore, List<TScorePoint> tScoreHistory, boolean mayChange) {

    /** Every goal, those under a concern first. */
    public List<GoalView> goals() {
        List<GoalView> all = new ArrayList<>();
        concerns.forEach(c -> all.addAll(c.goals()));
        all.addAll(goalsWithoutConcern);
        return all;
    }

    public boolean hasGoals() {
        return !goals().isEmpty();
    }
}
