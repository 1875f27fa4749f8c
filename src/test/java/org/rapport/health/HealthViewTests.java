package org.rapport.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.goals.TScorePoint;
import org.rapport.health.HealthView.Attended;
import org.rapport.health.HealthView.MeasureRow;
import org.rapport.health.HealthView.MeasureTrend;
import org.rapport.health.HealthView.PhaseProgress;
import org.rapport.measures.AdministrationId;
import org.rapport.measures.EnteredBy;
import org.rapport.measures.InstrumentDefinition;
import org.rapport.measures.ScoreView;
import org.rapport.measures.ScoredAdministration;
import org.rapport.measures.ShippedInstruments;
import org.rapport.measures.outcomes.ChangeClassification;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;
import org.rapport.sessions.MemberAttendance;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionInfo;
import org.rapport.sessions.SessionOutcome;

/** The relationship-health panel's numbers, shaped from fixed scores, ratings and sessions. */
class HealthViewTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final List<InstrumentDefinition> INSTRUMENTS = new ShippedInstruments().all();
    static final RelationshipId RELATIONSHIP = new RelationshipId(UUID.randomUUID());
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final PhaseProgress PHASE = new PhaseProgress(2, 5, "Exploration");

    @Test
    void drawsEachOutcomeMeasureWithItsCutOffAndTheExpectedBandForTheFirstScore() {
        HealthView view = HealthView.of(PHASE, List.of(), List.of(),
                List.of(scores("phq-9", "Patient Health Questionnaire (PHQ-9)", null, 20, 18, 25)), INSTRUMENTS, LONDON);

        MeasureTrend phq9 = view.outcomes().get(0);
        assertThat(view.checkIns()).isEmpty();
        assertThat(phq9.cutOff()).isEqualTo("10");
        assertThat(phq9.lowest()).isEqualTo("0");
        assertThat(phq9.highest()).isEqualTo("27");
        assertThat(phq9.higherIsBetter()).isFalse();
        assertThat(phq9.hasBand()).isTrue();
        // Expected = 10 + (20 − 10) · 0.9^(n − 1); the upper edge adds PHQ-9's reliable change of 6.
        assertThat(phq9.rows()).extracting(MeasureRow::value, MeasureRow::expected, MeasureRow::upperEdge, MeasureRow::aboveBand)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("20", "20.0", "26.0", false),
                        org.assertj.core.groups.Tuple.tuple("18", "19.0", "25.0", false),
                        org.assertj.core.groups.Tuple.tuple("25", "18.1", "24.1", true));
        assertThat(phq9.rows()).extracting(MeasureRow::axisLabel).containsExactly("1 · 2 Mar", "2 · 9 Mar", "3 · 16 Mar");
        assertThat(phq9.rows().get(2).expectedText()).isEqualTo("18.1, no more than 24.1: above the band");
        assertThat(phq9.summary()).isEqualTo("Patient Health Questionnaire (PHQ-9): 3 scores, from 20 on 2 Mar 2026 to 25 on"
                + " 16 Mar 2026; lower is better; cut-off 10; the latest is above the expected-change band.");
    }

    @Test
    void drawsTheCheckInWithItsCutOffAndNoBand() {
        HealthView view = HealthView.of(PHASE, List.of(), List.of(),
                List.of(scores("rapport-check-in", "Rapport session check-in (not a validated instrument)", null, 40, 46)),
                INSTRUMENTS, LONDON);

        assertThat(view.outcomes()).isEmpty();
        MeasureTrend checkIn = view.checkIns().get(0);
        assertThat(checkIn.cutOff()).isEqualTo("45");
        assertThat(checkIn.highest()).isEqualTo("50");
        assertThat(checkIn.higherIsBetter()).isTrue();
        assertThat(checkIn.hasBand()).isFalse();
        assertThat(checkIn.rows()).extracting(MeasureRow::value, MeasureRow::meetsCutOff)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("40", false), org.assertj.core.groups.Tuple.tuple("46", true));
        assertThat(checkIn.summary()).contains("2 scores, from 40 on 2 Mar 2026 to 46 on 9 Mar 2026", "higher is better",
                "cut-off 45").doesNotContain("band");
    }

    @Test
    void saysWhatChangedFromTheFirstScoreWhenTheMeasuresModuleClassifiedIt() {
        HealthView view = HealthView.of(PHASE, List.of(), List.of(),
                List.of(scores("gad-7", "Generalized Anxiety Disorder scale (GAD-7)", ChangeClassification.RELIABLE_IMPROVEMENT,
                        15, 9)), INSTRUMENTS, LONDON);

        MeasureTrend gad7 = view.outcomes().get(0);
        assertThat(gad7.cutOff()).isEqualTo("8");
        assertThat(gad7.changeLabel()).isEqualTo("Reliable improvement");
        assertThat(gad7.summary()).endsWith("the latest is within or below the expected-change band; from the first to the latest:"
                + " reliable improvement.");
        assertThat(gad7.slug()).isEqualTo("gad-7");
    }

    @Test
    void listsEachSessionThatHasHappenedOldestFirstAndCountsThoseStillAhead() {
        UUID ash = UUID.randomUUID();
        UUID bo = UUID.randomUUID();
        List<SessionInfo> latestFirst = List.of(
                session(MONDAY.plusWeeks(4), SessionOutcome.SCHEDULED, List.of()),
                session(MONDAY.plusWeeks(3), SessionOutcome.ATTENDED,
                        List.of(new MemberAttendance(ash, "Ash Fenwick", true), new MemberAttendance(bo, "Bo Fenwick", false))),
                session(MONDAY.plusWeeks(2), SessionOutcome.CANCELLED_BY_CLIENT, List.of()),
                session(MONDAY.plusWeeks(1), SessionOutcome.DID_NOT_ATTEND, List.of()),
                session(MONDAY, SessionOutcome.ATTENDED, List.of()));

        HealthView.Attendance attendance = HealthView.of(PHASE, List.of(), latestFirst, List.of(), INSTRUMENTS, LONDON)
                .attendance();

        assertThat(attendance.rows()).extracting(r -> r.number() + " " + r.day() + " " + r.kind() + " " + r.outcome())
                .containsExactly("1 2 Mar 2026 ATTENDED Attended", "2 9 Mar 2026 NOT_ATTENDED Did not attend",
                        "3 16 Mar 2026 CANCELLED Cancelled by the client", "4 23 Mar 2026 ATTENDED Attended");
        assertThat(attendance.rows().get(3).present()).isEqualTo("1 of 2 present");
        assertThat(attendance.rows().get(0).present()).isNull();
        assertThat(attendance.rows().get(0).phaseName()).isEqualTo("Exploration");
        assertThat(attendance.scheduled()).isEqualTo(1);
        assertThat(attendance.count(Attended.ATTENDED)).isEqualTo(2);
        assertThat(attendance.summary()).isEqualTo("4 sessions recorded: 2 attended, 1 not attended, 1 cancelled.");
    }

    @Test
    void drawsTheTScoreHistoryOldestFirstAgainstFifty() {
        HealthView view = HealthView.of(PHASE, List.of(new TScorePoint(MONDAY.plusWeeks(2), 61.94, 2),
                new TScorePoint(MONDAY, 38.2, 1)), List.of(), List.of(), INSTRUMENTS, LONDON);

        HealthView.GoalAttainment goals = view.goalAttainment();
        assertThat(goals.rows()).extracting(HealthView.TScoreRow::value, HealthView.TScoreRow::number, HealthView.TScoreRow::goals)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("38.2", "38.2", 1),
                        org.assertj.core.groups.Tuple.tuple("61.9", "61.94", 2));
        assertThat(goals.asExpected()).isEqualTo("50");
        assertThat(goals.lowest()).isEqualTo("20");
        assertThat(goals.highest()).isEqualTo("80");
        assertThat(goals.summary()).isEqualTo("Goal attainment T-score on 2 days, from 38.2 on 2 Mar 2026 to 61.9 on 16 Mar 2026."
                + " 50 means every goal reached as expected; higher is better.");
        assertThat(view.hasAnyChart()).isTrue();
    }

    @Test
    void widensTheTScoreRangeForAScoreBeyondTheUsualOne() {
        HealthView.GoalAttainment goals = HealthView.of(PHASE, List.of(new TScorePoint(MONDAY, 84.6, 3)), List.of(), List.of(),
                INSTRUMENTS, LONDON).goalAttainment();

        assertThat(goals.highest()).isEqualTo("90");
        assertThat(goals.summary()).contains("on 1 day, 84.6 on 2 Mar 2026");
    }

    @Test
    void hasNothingToChartForANewRelationship() {
        HealthView view = HealthView.of(PHASE, List.of(), List.of(), List.of(), INSTRUMENTS, LONDON);

        assertThat(view.hasAnyChart()).isFalse();
        assertThat(view.phase().text()).isEqualTo("Phase 2 of 5: Exploration");
        assertThat(view.phase().percent()).isEqualTo(40);
    }

    @Test
    void refusesAPhaseBeyondTheModel() {
        assertThatThrownBy(() -> new PhaseProgress(6, 5, "Ending")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesNumbersForTheChartScriptWithAPointAndNoNeedlessFraction() {
        assertThat(HealthView.plain(10)).isEqualTo("10");
        assertThat(HealthView.plain(13.5)).isEqualTo("13.5");
        assertThat(HealthView.plain(61.9444)).isEqualTo("61.94");
    }

    static ScoreView scores(String key, String label, ChangeClassification change, double... totals) {
        List<ScoredAdministration> scored = new java.util.ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            Instant at = MONDAY.plusWeeks(i).atTime(10, 0).toInstant(ZoneOffset.UTC);
            scored.add(new ScoredAdministration(new AdministrationId(UUID.randomUUID()), at, totals[i], null, false, false,
                    EnteredBy.CLIENT));
        }
        if (key.equals("rapport-check-in")) {
            scored.replaceAll(s -> new ScoredAdministration(s.id(), s.completedAt(), s.total(), null, s.total() >= 45, false,
                    s.enteredBy()));
        }
        return new ScoreView(key, label, null, scored, change);
    }

    static SessionInfo session(LocalDate on, SessionOutcome outcome, List<MemberAttendance> attendance) {
        return new SessionInfo(new SessionId(UUID.randomUUID()), RELATIONSHIP, UUID.randomUUID(), on, LocalTime.of(10, 0), 50,
                MeetingMode.IN_PERSON, null, outcome, "exploration", "Exploration", Set.of(), attendance, 0, true);
    }
}
