package org.rapport.sessions;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rapport.relationships.CaseloadSignals.Signal;

/**
 * When a relationship is lapsing on the caseload: the two most recent sessions that say something
 * about the client's engagement (held, not attended, cancelled by the client; not those the helper
 * cancelled, nor those still ahead) were both not attended; or the last session held was more
 * than the configured number of weeks ago. A relationship with no session held yet is not lapsing
 * for lack of contact: its work may not have begun.
 */
final class LapsingPolicy {

    static final String TWO_NOT_ATTENDED = "two sessions in a row not attended";

    private final int weeks;

    LapsingPolicy(int weeks) {
        if (weeks < 1) throw new IllegalArgumentException("lapsing needs at least one week without contact");
        this.weeks = weeks;
    }

    /**
     * @param recentOutcomes outcomes of the sessions up to today, the most recent first (at least the last two that count)
     * @param lastAttendedOn the day of the last session held, if any
     */
    Signal assess(List<SessionOutcome> recentOutcomes, @Nullable LocalDate lastAttendedOn, LocalDate today) {
        List<SessionOutcome> counting = recentOutcomes.stream().filter(SessionOutcome::countsForEngagement).limit(2).toList();
        if (counting.size() == 2 && counting.stream().allMatch(o -> o == SessionOutcome.DID_NOT_ATTEND)) {
            return new Signal(lastAttendedOn, true, TWO_NOT_ATTENDED, List.of(), null);
        }
        if (lastAttendedOn != null && lastAttendedOn.isBefore(today.minusWeeks(weeks))) {
            long since = ChronoUnit.WEEKS.between(lastAttendedOn, today);
            return new Signal(lastAttendedOn, true, "no contact for " + since + " weeks", List.of(), null);
        }
        return new Signal(lastAttendedOn, false, null, List.of(), null);
    }
}
