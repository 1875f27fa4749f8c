package org.rapport.endings;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rapport.goals.GoalId;
import org.rapport.goals.GoalStanding;
import org.rapport.goals.GoalStatus;

/**
 * What contradicts a planned ending, named so the helper can settle it before the work closes: each
 * goal still open (proposed, active or on hold), each alert not yet acknowledged, and the reason
 * "goals met" when not every goal worked on was achieved. A planned ending closes only when there is
 * none, so the goals never stay open after the work and the letter never claims what did not happen.
 *
 * @param goals   the goals still open, each with the outcomes it may be settled with
 * @param alerts  the alerts not yet acknowledged
 * @param reasonDoesNotFit why the reason chosen in part two contradicts the goals, or null
 */
public record BeforeClosing(List<GoalToSettle> goals, List<OpenAlert> alerts, @Nullable String reasonDoesNotFit) {

    /** The outcomes a goal is settled with when the work ends. */
    static final Set<GoalStatus> OUTCOMES = EnumSet.of(GoalStatus.ACHIEVED, GoalStatus.NOT_ACHIEVED,
            GoalStatus.CONTINUING_ELSEWHERE, GoalStatus.CANCELLED);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    public BeforeClosing {
        goals = List.copyOf(goals);
        alerts = List.copyOf(alerts);
    }

    /** A goal still open, and the outcomes it may be settled with now. */
    public record GoalToSettle(GoalId goal, String statement, String status, int version, List<GoalStatus> outcomes) {
        public GoalToSettle {
            outcomes = List.copyOf(outcomes);
        }
    }

    /** An alert not yet acknowledged. */
    public record OpenAlert(String kind, String policy, Instant raisedAt) {
    }

    /** The contradictions of these goals and alerts with an ending for this reason (a code of {@link EndingReason}, or null). */
    static BeforeClosing of(List<GoalStanding> standings, List<OpenAlert> alerts, @Nullable String reason) {
        List<GoalToSettle> open = new ArrayList<>();
        for (GoalStanding goal : standings) {
            if (goal.status().isFinal()) continue;
            List<GoalStatus> outcomes = goal.nextStatuses().stream().filter(OUTCOMES::contains).toList();
            open.add(new GoalToSettle(goal.id(), goal.statement(), goal.status().label(), goal.version(), outcomes));
        }
        String doesNotFit = null;
        if (EndingReason.GOALS_MET.code().equals(reason)) {
            List<GoalStanding> workedOn = standings.stream().filter(g -> g.status() != GoalStatus.CANCELLED).toList();
            List<String> notAchieved = workedOn.stream().filter(g -> g.status().isFinal() && g.status() != GoalStatus.ACHIEVED)
                    .map(g -> "“" + g.statement() + "” (" + g.status().label().toLowerCase(Locale.UK) + ")").toList();
            if (workedOn.isEmpty()) {
                doesNotFit = "The reason is “" + EndingReason.GOALS_MET.label() + "”, but no goal was set or achieved. "
                        + "Choose the reason that fits in part two.";
            } else if (!notAchieved.isEmpty()) {
                doesNotFit = "The reason is “" + EndingReason.GOALS_MET.label() + "”, but not every goal was achieved: "
                        + String.join(", ", notAchieved) + ". Choose the reason that fits in part two.";
            }
        }
        return new BeforeClosing(open, alerts, doesNotFit);
    }

    public boolean isClear() {
        return goals.isEmpty() && alerts.isEmpty() && reasonDoesNotFit == null;
    }

    /** Each contradiction in a sentence, as a refusal names them. */
    List<String> contradictions() {
        List<String> said = new ArrayList<>();
        if (!goals.isEmpty()) {
            said.add("Settle each goal still open (achieved, not achieved, continuing elsewhere or cancelled): "
                    + goals.stream().map(g -> "“" + g.statement() + "” is " + g.status().toLowerCase(Locale.UK))
                            .collect(Collectors.joining("; ")) + ".");
        }
        if (!alerts.isEmpty()) {
            said.add("Acknowledge the open alerts with what was done: " + alerts.stream()
                    .map(a -> a.kind() + ", raised " + DAY.format(a.raisedAt().atZone(ZoneId.systemDefault())))
                    .collect(Collectors.joining("; ")) + ".");
        }
        if (reasonDoesNotFit != null) said.add(reasonDoesNotFit);
        return said;
    }
}
