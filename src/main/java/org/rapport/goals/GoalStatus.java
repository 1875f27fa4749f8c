package org.rapport.goals;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a goal stands. Proposed goals become active or are cancelled; active goals may be put on
 * hold, achieved, not achieved, continued elsewhere or cancelled; goals on hold become active again,
 * continue elsewhere or are cancelled. Achieved, not achieved, continuing elsewhere (the client
 * carries the goal on beyond this work: alone, or with another service) and cancelled are final:
 * how a goal is settled when the work ends.
 */
public enum GoalStatus {
    PROPOSED("Proposed"),
    ACTIVE("Active"),
    ON_HOLD("On hold"),
    ACHIEVED("Achieved"),
    NOT_ACHIEVED("Not achieved"),
    CONTINUING_ELSEWHERE("Continuing elsewhere"),
    CANCELLED("Cancelled");

    private final String label;

    GoalStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The statuses this one may become. */
    public Set<GoalStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(ACTIVE, CANCELLED);
            case ACTIVE -> EnumSet.of(ON_HOLD, ACHIEVED, NOT_ACHIEVED, CONTINUING_ELSEWHERE, CANCELLED);
            case ON_HOLD -> EnumSet.of(ACTIVE, CONTINUING_ELSEWHERE, CANCELLED);
            case ACHIEVED, NOT_ACHIEVED, CONTINUING_ELSEWHERE, CANCELLED -> EnumSet.noneOf(GoalStatus.class);
        };
    }

    public boolean mayMoveTo(GoalStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /** Whether the goal's latest rating counts in the relationship's T-score: a goal worked on to the end does. */
    public boolean countsInTScore() {
        return this == ACTIVE || this == ACHIEVED || this == NOT_ACHIEVED || this == CONTINUING_ELSEWHERE;
    }
}
