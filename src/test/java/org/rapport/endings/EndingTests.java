package org.rapport.endings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.goals.GoalId;
import org.rapport.goals.GoalStanding;
import org.rapport.goals.GoalStatus;
import org.rapport.shared.RuleBroken;

/** The rule of the four parts, the reasons and the open door, without Spring or a database. */
class EndingTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final Set<String> MEASURES = Set.of("phq-9", "rapport-check-in");

    final Ending ending = Ending.begin(UUID.randomUUID(), UUID.randomUUID());

    @Test
    void namesAllFourPartsBeforeAnythingIsDone() {
        assertThat(ending.missingParts()).containsExactly(EndingPart.GAINS, EndingPart.WHY_IT_ENDS, EndingPart.CONFIDENCE,
                EndingPart.OPEN_DOOR);
        assertThatThrownBy(() -> close()).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("The gains made, Why it ends, Confidence moving forward, The open door");
    }

    @Test
    void refusesToCloseWhileOnePartIsSavedButNotMarkedDone() {
        doAllFour();
        ending.saveConfidence(EndingFixtures.confidence(false));
        assertThat(ending.missingParts()).containsExactly(EndingPart.CONFIDENCE);
        assertThatThrownBy(() -> close()).isInstanceOf(RuleBroken.class).hasMessageContaining("Still to do: Confidence moving forward.");
        assertThat(ending.isClosed()).isFalse();
    }

    @Test
    void closesAsPlannedOnceAllFourAreDone() {
        doAllFour();
        close();
        assertThat(ending.isClosed()).isTrue();
        assertThat(ending.closing().kind()).isEqualTo(Ending.Kind.PLANNED);
        assertThat(ending.closing().reason()).isEqualTo("agreed-sessions-reached");
        assertThatThrownBy(() -> ending.saveGains(EndingFixtures.gains(true))).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("closed");
    }

    @Test
    void refusesAFollowUpOnOrBeforeTheEndingDate() {
        doAllFour();
        ending.saveDoor(new OpenDoor(List.of(TODAY.plusDays(1)), "phq-9", null, true), MEASURES, TODAY);
        assertThatThrownBy(() -> ending.closePlanned(TODAY.plusDays(1), TODAY, null, Instant.EPOCH, "Ash", NOTHING_IN_THE_WAY))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("falls on or before the ending date");
    }

    @Test
    void refusesAnUnknownReasonAndAMissingExplanation() {
        assertThatThrownBy(() -> ending.saveWhy(new WhyItEnds("ran-out-of-patience", "Words", true)))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("no ending reason 'ran-out-of-patience'")
                .as("the codes a caller sends, each with its label").hasMessageContaining("goals-met (Goals met)");
        assertThatThrownBy(() -> ending.saveWhy(new WhyItEnds("goals-met", "  ", true)))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("An honest explanation in plain words is needed");
        assertThatThrownBy(() -> ending.saveWhy(new WhyItEnds(null, "Words", true)))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("Choose the reason");
    }

    @Test
    void knowsEveryReasonByItsCode() {
        assertThat(EndingReason.values()).extracting(EndingReason::code).containsExactly("goals-met",
                "agreed-sessions-reached", "clients-choice", "referral-onward", "helper-leaving", "service-limit", "other");
        assertThat(UnplannedReason.values()).extracting(UnplannedReason::code).containsExactly("dropped-out", "moved-away",
                "declined-further-help", "other");
        assertThat(EndingReason.ofCode(" goals-met ")).contains(EndingReason.GOALS_MET);
        assertThat(UnplannedReason.ofCode("dropped-out")).contains(UnplannedReason.DROPPED_OUT);
        assertThat(EndingReason.ofCode("dropped-out")).isEmpty();
    }

    @Test
    void refusesGainsMarkedDoneWithoutTheClientsWords() {
        assertThatThrownBy(() -> ending.saveGains(new Gains("Sleeping again", null, true))).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("what the client said helped");
        ending.saveGains(new Gains("Sleeping again", null, false));
        assertThat(ending.missingParts()).contains(EndingPart.GAINS);
    }

    @Test
    void refusesOverLongText() {
        assertThatThrownBy(() -> ending.saveGains(new Gains("x".repeat(4001), null, false))).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("at most 4000");
        assertThatThrownBy(() -> ending.saveConfidence(new Confidence("x".repeat(2001), "a", "b", "c", false)))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("at most 2000");
    }

    @Test
    void keepsTheOpenDoorsDatesInOrderAndRefusesBadOnes() {
        ending.saveDoor(new OpenDoor(List.of(TODAY.plusMonths(6), TODAY.plusMonths(1)), "phq-9", null, true), MEASURES, TODAY);
        assertThat(ending.door().followUpDates()).containsExactly(TODAY.plusMonths(1), TODAY.plusMonths(6));
        assertThatThrownBy(() -> ending.saveDoor(new OpenDoor(List.of(TODAY), "phq-9", null, true), MEASURES, TODAY))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("must fall after");
        assertThatThrownBy(() -> ending.saveDoor(new OpenDoor(List.of(TODAY.plusDays(3), TODAY.plusDays(3)), "phq-9", null, true),
                MEASURES, TODAY)).isInstanceOf(RuleBroken.class).hasMessageContaining("there twice");
        assertThatThrownBy(() -> ending.saveDoor(new OpenDoor(List.of(TODAY.plusYears(3)), "phq-9", null, true), MEASURES, TODAY))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("two years");
        assertThatThrownBy(() -> ending.saveDoor(new OpenDoor(List.of(TODAY.plusDays(3)), "ors", null, true), MEASURES, TODAY))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("no measure 'ors'");
        assertThatThrownBy(() -> ending.saveDoor(new OpenDoor(List.of(TODAY.plusDays(3)), null, null, true), MEASURES, TODAY))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("Choose the short measure");
        assertThatThrownBy(() -> ending.saveDoor(new OpenDoor(List.of(1, 2, 3, 4, 5, 6, 7).stream()
                .map(TODAY::plusWeeks).toList(), "phq-9", null, true), MEASURES, TODAY))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("at most 6");
    }

    @Test
    void allowsNoFollowUpsOnlyWithAReason() {
        assertThatThrownBy(() -> ending.saveDoor(new OpenDoor(List.of(), null, null, true), MEASURES, TODAY))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("the client declined them");
        ending.saveDoor(new OpenDoor(List.of(), "phq-9", "The client would rather not be contacted.", true), MEASURES, TODAY);
        assertThat(ending.door().followUpDates()).isEmpty();
        assertThat(ending.door().instrumentKey()).isNull();
        assertThat(ending.missingParts()).doesNotContain(EndingPart.OPEN_DOOR);
    }

    @Test
    void recordsAnUnplannedEndingWithItsReason() {
        ending.closeUnplanned(UnplannedReason.DROPPED_OUT, null, new OpenDoor(List.of(), null, "not offered", true), TODAY,
                TODAY.minusWeeks(9), null, Instant.EPOCH, "Ash");
        assertThat(ending.closing().kind()).isEqualTo(Ending.Kind.UNPLANNED);
        assertThat(ending.closing().reason()).isEqualTo("dropped-out");
    }

    private void doAllFour() {
        ending.saveGains(EndingFixtures.gains(true));
        ending.saveWhy(EndingFixtures.why(true));
        ending.saveConfidence(EndingFixtures.confidence(true));
        ending.saveDoor(EndingFixtures.door(List.of(TODAY.plusMonths(1), TODAY.plusMonths(3)), true), MEASURES, TODAY);
    }

    private void close() {
        close(NOTHING_IN_THE_WAY);
    }

    private void close(BeforeClosing check) {
        ending.closePlanned(TODAY, TODAY.minusDays(7), null, Instant.EPOCH, "Ash Marlow", check);
    }

    // --- what contradicts a planned ending ---------------------------------------------------------

    static final BeforeClosing NOTHING_IN_THE_WAY = BeforeClosing.of(List.of(), List.of(), "agreed-sessions-reached");
    static final BeforeClosing.OpenAlert NOT_ON_TRACK = new BeforeClosing.OpenAlert("Not on track",
            "Not on track (expected change)", Instant.parse("2026-11-20T10:00:00Z"));

    static GoalStanding goal(String statement, GoalStatus status) {
        return new GoalStanding(new GoalId(UUID.randomUUID()), statement, status, List.copyOf(status.next()), 3);
    }

    @Test
    void namesEachGoalStillOpenWithTheOutcomesItMayBeSettledWith() {
        BeforeClosing check = BeforeClosing.of(List.of(goal("Sleep through most nights", GoalStatus.ACTIVE),
                goal("Back at the allotment", GoalStatus.ON_HOLD), goal("Walk daily", GoalStatus.ACHIEVED)), List.of(),
                "agreed-sessions-reached");

        assertThat(check.isClear()).isFalse();
        assertThat(check.goals()).extracting(BeforeClosing.GoalToSettle::statement)
                .containsExactly("Sleep through most nights", "Back at the allotment");
        assertThat(check.goals().get(0).outcomes()).containsExactlyInAnyOrder(GoalStatus.ACHIEVED, GoalStatus.NOT_ACHIEVED,
                GoalStatus.CONTINUING_ELSEWHERE, GoalStatus.CANCELLED);
        assertThat(check.goals().get(1).outcomes()).as("a goal on hold was not worked on to an end")
                .containsExactlyInAnyOrder(GoalStatus.CONTINUING_ELSEWHERE, GoalStatus.CANCELLED);
    }

    @Test
    void refusesToCloseWhileAGoalIsOpenOrAnAlertUnacknowledgedNamingEach() {
        doAllFour();
        BeforeClosing check = BeforeClosing.of(List.of(goal("Sleep through most nights", GoalStatus.ACTIVE)),
                List.of(NOT_ON_TRACK), "agreed-sessions-reached");

        assertThatThrownBy(() -> close(check)).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("“Sleep through most nights” is active")
                .hasMessageContaining("Acknowledge the open alerts with what was done: Not on track, raised 20 Nov 2026");
        assertThat(ending.isClosed()).isFalse();
    }

    @Test
    void goalsMetFitsOnlyWhenEveryGoalWorkedOnWasAchieved() {
        BeforeClosing allAchieved = BeforeClosing.of(List.of(goal("Sleep", GoalStatus.ACHIEVED),
                goal("Dropped early on", GoalStatus.CANCELLED)), List.of(), "goals-met");
        BeforeClosing oneCarriedOn = BeforeClosing.of(List.of(goal("Sleep", GoalStatus.ACHIEVED),
                goal("Back at the allotment", GoalStatus.CONTINUING_ELSEWHERE)), List.of(), "goals-met");
        BeforeClosing noGoals = BeforeClosing.of(List.of(), List.of(), "goals-met");

        assertThat(allAchieved.isClear()).isTrue();
        assertThat(oneCarriedOn.reasonDoesNotFit()).isEqualTo("The reason is “Goals met”, but not every goal was achieved: "
                + "“Back at the allotment” (continuing elsewhere). Choose the reason that fits in part two.");
        assertThat(noGoals.reasonDoesNotFit()).contains("no goal was set or achieved");
        assertThat(BeforeClosing.of(List.of(goal("Back at the allotment", GoalStatus.NOT_ACHIEVED)), List.of(),
                "agreed-sessions-reached").isClear()).as("another reason needs no achieved goal").isTrue();
    }

    @Test
    void closesAsPlannedOnceEveryGoalIsSettledAndNoAlertIsOpen() {
        doAllFour();
        close(BeforeClosing.of(List.of(goal("Sleep", GoalStatus.NOT_ACHIEVED), goal("Allotment", GoalStatus.CONTINUING_ELSEWHERE)),
                List.of(), "agreed-sessions-reached"));
        assertThat(ending.isClosed()).isTrue();
    }
}
