package org.rapport.endings;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The facts of the work, assembled live for the helper to sum up in part one: each goal's first and
 * latest attainment, the goal attainment T-score then and now, each measure's first and last score
 * with its change, the sessions attended and the phases travelled.
 */
public record GainsFacts(List<GoalGain> goals, @Nullable String firstTScore, @Nullable String latestTScore,
        List<MeasureGain> measures, int sessionsAttended, @Nullable LocalDate lastAttendedOn, List<String> phasesTravelled) {

    public GainsFacts {
        goals = List.copyOf(goals);
        measures = List.copyOf(measures);
        phasesTravelled = List.copyOf(phasesTravelled);
    }

    /** A goal in the client's words, its first attainment (the baseline when never rated before) and its latest. */
    public record GoalGain(String statement, String status, String firstLevel, @Nullable String latestLevel) {
    }

    /**
     * A measure's first and last score, its change classified by reliable change, and for PHQ-9 and
     * GAD-7 the NHS Talking Therapies recovery status.
     */
    public record MeasureGain(String instrument, String firstScore, @Nullable String firstBand, String lastScore,
            @Nullable String lastBand, int times, @Nullable String change, @Nullable String recovery) {
    }
}
