package org.rapport.goals;

import java.util.List;

/** Where one goal stands, for the check before the work closes: what it is, its status and what it may become. */
public record GoalStanding(GoalId id, String statement, GoalStatus status, List<GoalStatus> nextStatuses, int version) {

    public GoalStanding {
        nextStatuses = List.copyOf(nextStatuses);
    }
}
