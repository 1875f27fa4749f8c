package org.rapport.goals;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A goal as the pages and the API show it: the statement in the client's words, who set it and
 * when, its status and where it may go, its five levels with the baseline and the current level,
 * its weights, ratings (oldest first) and action steps.
 */
public record GoalView(GoalId id, @Nullable ConcernId concern, @Nullable String concernDescription, String statement,
        String setByName, LocalDate setOn, GoalStatus status, List<GoalStatus> nextStatuses, List<LevelView> levels,
        int baseline, String baselineLabel, @Nullable Integer importance, @Nullable Integer difficulty, double weight,
        boolean weighted, @Nullable Integer currentLevel, @Nullable String currentLevelLabel,
        @Nullable String currentLevelDescription, @Nullable LocalDate lastRatedOn, List<RatingView> ratings,
        List<ActionStepView> actionSteps, int version) {

    public boolean isRated() {
        return currentLevel != null;
    }

    public boolean mayBeRated() {
        return status == GoalStatus.ACTIVE;
    }

    public boolean isOpen() {
        return !status.isFinal();
    }

    /** One action step as shown, with whether it is overdue today. */
    public record ActionStepView(java.util.UUID id, String description, StepOwner who, String whoLabel,
            LocalDate dueBy, @Nullable LocalDate doneOn, boolean overdue, String addedByName) {

        public boolean isDone() {
            return doneOn != null;
        }
    }
}
