package org.rapport.goals;

import java.util.ArrayList;
import java.util.List;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.TimelineEntry;
import org.rapport.relationships.TimelineSource;
import org.springframework.stereotype.Component;

/**
 * Goals on the relationship's timeline: each goal set, each rating and each status change. Goal
 * statements are the client's own words about what they want, agreed to be shown with the work.
 */
@Component
class GoalsTimeline implements TimelineSource {

    private final Goals goals;

    GoalsTimeline(Goals goals) {
        this.goals = goals;
    }

    @Override
    public List<TimelineEntry> timelineOf(RelationshipId relationship) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Goal goal : goals.findByRelationshipId(relationship.value())) {
            String statement = GoalManagement.shortly(goal.statement());
            entries.add(new TimelineEntry(goal.setAt(), "goal", "Goal set: " + statement,
                    "Set on " + Days.format(goal.setOn()) + ", baseline " + goal.baseline().label(), goal.setByName()));
            for (GoalRating rating : goal.ratings()) {
                AttainmentLevel level = rating.attainment();
                entries.add(new TimelineEntry(rating.recordedAt(), "goal-rating",
                        "Goal rated " + level.label() + " (" + statement + ")",
                        level.meaning() + ", " + (rating.sessionId() == null ? "rated on " : "in the session of ")
                                + Days.format(rating.ratedOn()),
                        rating.ratedByName()));
            }
            for (GoalStatusChange change : goal.statusChanges()) {
                entries.add(new TimelineEntry(change.changedAt(), "goal-status", title(change.toStatus()),
                        statement + (change.reason() == null ? "" : ". " + change.reason()), change.changedByName()));
            }
        }
        return entries;
    }

    private static String title(GoalStatus status) {
        return switch (status) {
            case ACTIVE -> "Goal active";
            case ON_HOLD -> "Goal put on hold";
            case ACHIEVED -> "Goal achieved";
            case NOT_ACHIEVED -> "Goal not achieved";
            case CONTINUING_ELSEWHERE -> "Goal continuing elsewhere";
            case CANCELLED -> "Goal cancelled";
            case PROPOSED -> "Goal proposed";
        };
    }
}
