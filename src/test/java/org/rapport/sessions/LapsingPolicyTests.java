package org.rapport.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.sessions.SessionOutcome.ATTENDED;
import static org.rapport.sessions.SessionOutcome.CANCELLED_BY_CLIENT;
import static org.rapport.sessions.SessionOutcome.CANCELLED_BY_HELPER;
import static org.rapport.sessions.SessionOutcome.DID_NOT_ATTEND;
import static org.rapport.sessions.SessionOutcome.SCHEDULED;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.relationships.CaseloadSignals.Signal;

/**
 * The lapsing policy as a worked table: the outcomes of the most recent sessions (latest first),
 * the weeks since the last session held, and what the caseload is told. Four weeks is the limit.
 */
class LapsingPolicyTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 16);
    final LapsingPolicy policy = new LapsingPolicy(4);

    static Stream<Arguments> table() {
        return Stream.of(
                // latest outcomes first                   weeks since held  lapsing because
                row(List.of(),                                      null, null),
                row(List.of(ATTENDED),                              1,    null),
                row(List.of(DID_NOT_ATTEND),                        1,    null),
                row(List.of(DID_NOT_ATTEND, ATTENDED),              1,    null),
                row(List.of(DID_NOT_ATTEND, DID_NOT_ATTEND),        null, "two sessions in a row not attended"),
                row(List.of(DID_NOT_ATTEND, DID_NOT_ATTEND, ATTENDED), 2, "two sessions in a row not attended"),
                row(List.of(DID_NOT_ATTEND, CANCELLED_BY_HELPER, DID_NOT_ATTEND), 2, "two sessions in a row not attended"),
                row(List.of(DID_NOT_ATTEND, CANCELLED_BY_CLIENT, DID_NOT_ATTEND), 2, null),
                row(List.of(SCHEDULED, DID_NOT_ATTEND, ATTENDED),   2,    null),
                row(List.of(ATTENDED),                              4,    null),
                row(List.of(ATTENDED),                              5,    "no contact for 5 weeks"),
                row(List.of(CANCELLED_BY_CLIENT, ATTENDED),         6,    "no contact for 6 weeks"),
                row(List.of(CANCELLED_BY_HELPER),                   null, null));
    }

    static Arguments row(List<SessionOutcome> outcomes, Integer weeksSinceHeld, String because) {
        return Arguments.of(outcomes, weeksSinceHeld, because);
    }

    @ParameterizedTest(name = "{0}, held {1} weeks ago → {2}")
    @MethodSource("table")
    void followsTheWorkedTable(List<SessionOutcome> outcomes, Integer weeksSinceHeld, String because) {
        LocalDate lastHeld = weeksSinceHeld == null ? null : TODAY.minusWeeks(weeksSinceHeld);
        Signal signal = policy.assess(outcomes, lastHeld, TODAY);
        assertThat(signal.lapsing()).isEqualTo(because != null);
        assertThat(signal.lapsingBecause()).isEqualTo(because);
        assertThat(signal.lastContactOn()).isEqualTo(lastHeld);
    }

    @Test
    void countsTheWeeksFromTheConfiguredLimit() {
        LapsingPolicy twoWeeks = new LapsingPolicy(2);
        assertThat(twoWeeks.assess(List.of(ATTENDED), TODAY.minusWeeks(2), TODAY).lapsing()).isFalse();
        assertThat(twoWeeks.assess(List.of(ATTENDED), TODAY.minusWeeks(2).minusDays(1), TODAY).lapsing()).isTrue();
    }

    @Test
    void aRelationshipWithNoSessionHeldIsNotLapsingForLackOfContact() {
        assertThat(policy.assess(new ArrayList<>(Arrays.asList(CANCELLED_BY_CLIENT)), null, TODAY).lapsing()).isFalse();
    }
}
