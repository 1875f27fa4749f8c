package org.rapport.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.rapport.relationships.RelationshipStatus.ACTIVE;
import static org.rapport.relationships.RelationshipStatus.ENDED;
import static org.rapport.relationships.RelationshipStatus.ENDING;
import static org.rapport.relationships.RelationshipStatus.PAUSED;
import static org.rapport.relationships.RelationshipStatus.REFERRED;
import static org.rapport.relationships.RelationshipStatus.WAITLISTED;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapport.processmodels.BuiltInProcessModels;
import org.rapport.processmodels.ProcessModel;
import org.rapport.shared.RuleBroken;

/**
 * The relationship's own rules, without Spring: status moves, phase moves, phase tasks and the
 * working agreement. The process model is Hill's: exploration, insight, action, ending.
 */
class RelationshipTests {

    static final ProcessModel HILL = new BuiltInProcessModels().find("hill-helping-model").orElseThrow();

    static final ZoneId ZONE = ZoneOffset.UTC;
    static final LocalDate REFERRED_ON = LocalDate.of(2025, 3, 3);
    static final Instant OPENED_AT = Instant.parse("2025-03-04T09:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2025, 4, 14);
    static final Instant NOW = Instant.parse("2025-04-14T10:00:00Z");

    static final UUID ORGANISATION = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID CLIENT_PARTY = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final UUID LEAD = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID CO_HELPER = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final Actor ASH = new Actor(UUID.fromString("00000000-0000-0000-0000-0000000000a1"), "Ash Marlow", LEAD);
    static final Actor BO = new Actor(UUID.fromString("00000000-0000-0000-0000-0000000000a2"), "Bo Tern", CO_HELPER);

    /**
     * Every legal status move, written out by hand so that a change to {@link RelationshipStatus}
     * has to be made here too, on purpose.
     */
    static final Map<RelationshipStatus, Set<RelationshipStatus>> LEGAL_MOVES = legalMoves();

    private static Map<RelationshipStatus, Set<RelationshipStatus>> legalMoves() {
        Map<RelationshipStatus, Set<RelationshipStatus>> legal = new EnumMap<>(RelationshipStatus.class);
        legal.put(REFERRED, EnumSet.of(WAITLISTED, ACTIVE, ENDED));
        legal.put(WAITLISTED, EnumSet.of(ACTIVE, ENDED));
        legal.put(ACTIVE, EnumSet.of(PAUSED, ENDING, ENDED));
        legal.put(PAUSED, EnumSet.of(ACTIVE, ENDING, ENDED));
        legal.put(ENDING, EnumSet.of(ACTIVE, ENDED));
        legal.put(ENDED, EnumSet.noneOf(RelationshipStatus.class));
        return legal;
    }

    // --- fixtures ------------------------------------------------------------------------------

    static Referral aReferral() {
        return new Referral("Dr Imani, Brook Lane surgery", "Low mood since the move, not sleeping", REFERRED_ON,
                Urgency.SOON);
    }

    static Relationship aReferredRelationship() {
        return Relationship.refer(ORGANISATION, CLIENT_PARTY, HelperParty.of(LEAD, null, List.of(CO_HELPER)), HILL,
                aReferral(), null, OPENED_AT, TODAY);
    }

    /** A relationship brought to the status by the shortest path of legal moves. */
    static Relationship aRelationshipThatIs(RelationshipStatus status) {
        List<RelationshipStatus> path = switch (status) {
            case REFERRED -> List.of();
            case WAITLISTED -> List.of(WAITLISTED);
            case ACTIVE -> List.of(ACTIVE);
            case PAUSED -> List.of(ACTIVE, PAUSED);
            case ENDING -> List.of(ACTIVE, ENDING);
            case ENDED -> List.of(ENDED);
        };
        Relationship relationship = aReferredRelationship();
        path.forEach(step -> relationship.changeStatus(step, "Getting there", HILL, ASH, NOW));
        assertThat(relationship.status()).isEqualTo(status);
        return relationship;
    }

    /** An active relationship that has moved forward, one phase at a time, into the phase given. */
    static Relationship anActiveRelationshipIn(String phaseKey) {
        Relationship relationship = aRelationshipThatIs(ACTIVE);
        for (int i = 1; i <= HILL.indexOf(phaseKey); i++) {
            relationship.moveToPhase(HILL.phase(i).key(), "Ready for the next phase", HILL, ASH, NOW);
        }
        return relationship;
    }

    static AgreementTerms termsReviewedOn(LocalDate reviewOn) {
        return new TermsDraft().reviewOn(reviewOn).build();
    }

    /** Valid working agreement terms, to be spoiled one field at a time. */
    static final class TermsDraft {
        String purpose = "To feel less stuck and get back to sleeping through";
        String frequency = "Weekly, Tuesday mornings";
        int minutes = 50;
        Set<MeetingMode> modes = Set.of(MeetingMode.IN_PERSON, MeetingMode.VIDEO);
        String roles = "Ash listens and guides; the client brings what matters that week";
        String confidentiality = "Kept private unless someone is at risk of serious harm";
        LocalDate reviewOn = TODAY.plusWeeks(6);
        String endingPlan = "Two sessions to review and say goodbye";

        TermsDraft reviewOn(LocalDate day) {
            reviewOn = day;
            return this;
        }

        AgreementTerms build() {
            return new AgreementTerms(purpose, frequency, minutes, modes, roles, confidentiality, reviewOn, endingPlan);
        }
    }

    // --- status -------------------------------------------------------------------------------

    @Nested
    class StatusMoves {

        static Stream<Arguments> everyPairOfStatuses() {
            List<Arguments> pairs = new ArrayList<>();
            for (RelationshipStatus from : RelationshipStatus.values()) {
                for (RelationshipStatus to : RelationshipStatus.values()) {
                    pairs.add(Arguments.of(from, to));
                }
            }
            return pairs.stream();
        }

        @Test
        void coversAllThirtySixPairs() {
            assertThat(everyPairOfStatuses()).hasSize(36);
            assertThat(LEGAL_MOVES).containsOnlyKeys(RelationshipStatus.values());
        }

        @ParameterizedTest(name = "{0} → {1}")
        @MethodSource("everyPairOfStatuses")
        void allowsExactlyTheLegalMoves(RelationshipStatus from, RelationshipStatus to) {
            Relationship relationship = aRelationshipThatIs(from);
            int changesBefore = relationship.statusChanges().size();

            if (LEGAL_MOVES.get(from).contains(to)) {
                relationship.changeStatus(to, "Agreed with the client", HILL, ASH, NOW);

                assertThat(relationship.status()).isEqualTo(to);
                assertThat(relationship.statusChanges()).hasSize(changesBefore + 1).last()
                        .isEqualTo(new StatusChange(from, to, "Agreed with the client", ASH.accountId(), ASH.name(),
                                NOW));
            } else {
                assertThatThrownBy(() -> relationship.changeStatus(to, "Agreed with the client", HILL, ASH, NOW))
                        .isInstanceOf(RuleBroken.class)
                        .hasMessageContaining(from.label().toLowerCase())
                        .hasMessageContaining(to.label().toLowerCase());
                assertThat(relationship.status()).isEqualTo(from);
                assertThat(relationship.statusChanges()).hasSize(changesBefore);
            }
        }

        @ParameterizedTest
        @EnumSource(RelationshipStatus.class)
        void offersTheSameNextStatusesAsTheTable(RelationshipStatus status) {
            assertThat(status.next()).isEqualTo(LEGAL_MOVES.get(status));
            for (RelationshipStatus target : RelationshipStatus.values()) {
                assertThat(status.mayMoveTo(target)).isEqualTo(LEGAL_MOVES.get(status).contains(target));
            }
        }

        @Test
        void namesWhereTheRelationshipCanGoInstead() {
            Relationship relationship = aRelationshipThatIs(WAITLISTED);

            assertThatThrownBy(() -> relationship.changeStatus(PAUSED, "Holiday", HILL, ASH, NOW))
                    .isInstanceOf(RuleBroken.class)
                    .hasMessage("A relationship that is on the waiting list cannot become paused. "
                            + "From here it can become: active, ended.");
        }

        @Test
        void saysNothingElseIsPossibleOnceEnded() {
            Relationship relationship = aRelationshipThatIs(ENDED);

            assertThatThrownBy(() -> relationship.changeStatus(ACTIVE, "Came back", HILL, ASH, NOW))
                    .isInstanceOf(RuleBroken.class).hasMessageEndingWith("From here it can become: nothing else.");
        }

        @ParameterizedTest
        @ValueSource(strings = { "", "   " })
        void refusesAChangeWithoutAReason(String reason) {
            Relationship relationship = aReferredRelationship();

            assertThatThrownBy(() -> relationship.changeStatus(ACTIVE, reason, HILL, ASH, NOW))
                    .isInstanceOf(RuleBroken.class).hasMessage("The reason for the change is needed.");
            assertThat(relationship.status()).isEqualTo(REFERRED);
        }

        @Test
        void refusesAReasonOverAThousandCharacters() {
            Relationship relationship = aReferredRelationship();

            assertThatThrownBy(() -> relationship.changeStatus(ACTIVE, "x".repeat(1001), HILL, ASH, NOW))
                    .isInstanceOf(RuleBroken.class).hasMessageContaining("at most 1000 characters");
            assertThatNoException()
                    .isThrownBy(() -> relationship.changeStatus(ACTIVE, "x".repeat(1000), HILL, ASH, NOW));
        }

        @Test
        void recordsWhoChangedTheStatusWhenAndWhy() {
            Relationship relationship = aReferredRelationship();
            Instant later = NOW.plusSeconds(60);

            relationship.changeStatus(WAITLISTED, "  No space until May  ", HILL, BO, later);

            assertThat(relationship.statusChanges()).containsExactly(
                    new StatusChange(REFERRED, WAITLISTED, "No space until May", BO.accountId(), "Bo Tern", later));
        }

        @Test
        void keepsTheWholeStatusHistoryInOrder() {
            Relationship relationship = aReferredRelationship();

            relationship.changeStatus(WAITLISTED, "No space yet", HILL, ASH, NOW);
            relationship.changeStatus(ACTIVE, "A place opened", HILL, ASH, NOW.plusSeconds(1));
            relationship.changeStatus(PAUSED, "Client in hospital", HILL, BO, NOW.plusSeconds(2));
            relationship.changeStatus(ACTIVE, "Client home again", HILL, BO, NOW.plusSeconds(3));
            relationship.changeStatus(ENDED, "Client moved away", HILL, ASH, NOW.plusSeconds(4));

            assertThat(relationship.statusChanges())
                    .extracting(StatusChange::fromStatus, StatusChange::toStatus)
                    .containsExactly(
                            tuple(REFERRED, WAITLISTED),
                            tuple(WAITLISTED, ACTIVE),
                            tuple(ACTIVE, PAUSED),
                            tuple(PAUSED, ACTIVE),
                            tuple(ACTIVE, ENDED));
        }

        @Test
        void endsWithoutMovingPhaseWhenTheWorkNeverStarted() {
            Relationship relationship = aReferredRelationship();

            relationship.changeStatus(ENDED, "Client did not take up the offer", HILL, ASH, NOW);

            assertThat(relationship.phaseIndex()).isZero();
            assertThat(relationship.phaseMoves()).isEmpty();
        }
    }

    // --- phases -------------------------------------------------------------------------------

    @Nested
    class PhaseMoves {

        @Test
        void startsInTheFirstPhase() {
            assertThat(aReferredRelationship().phaseIndex()).isZero();
        }

        @Test
        void movesForwardOnePhaseAtATime() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);

            relationship.moveToPhase("insight", "The story is told", HILL, ASH, NOW);
            relationship.moveToPhase("action", "Ready to try things", HILL, ASH, NOW);

            assertThat(relationship.phaseIndex()).isEqualTo(2);
            assertThat(relationship.status()).isEqualTo(ACTIVE);
            assertThat(relationship.phaseMoves()).extracting(PhaseMove::toPhaseName).containsExactly("Insight", "Action");
        }

        @Test
        void thePhasePathHoldsTheFirstPhaseAndWhereEachMoveTookTheWorkNeverASkippedOne() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            assertThat(relationship.phasePath(HILL)).containsExactly("Exploration");

            relationship.moveToPhase("insight", "The story is told", HILL, ASH, NOW);
            relationship.moveToPhase("exploration", "A rupture", HILL, ASH, NOW.plusSeconds(1));
            relationship.moveToPhase("insight", "Back on track", HILL, ASH, NOW.plusSeconds(2));

            assertThat(relationship.phasePath(HILL)).containsExactly("Exploration", "Insight", "Exploration", "Insight");
        }

        @Test
        void refusesToSkipAPhase() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);

            assertThatThrownBy(() -> relationship.moveToPhase("action", "Keen to act", HILL, ASH, NOW))
                    .isInstanceOf(RuleBroken.class)
                    .hasMessage("Phases move forward one at a time: the next phase is 'Insight'.");
            assertThat(relationship.phaseIndex()).isZero();
            assertThat(relationship.phaseMoves()).isEmpty();
        }

        @Test
        void refusesToMoveIntoThePhaseItIsIn() {
            Relationship relationship = anActiveRelationshipIn("insight");

            assertThatThrownBy(() -> relationship.moveToPhase("insight", "Again", HILL, ASH, NOW))
                    .isInstanceOf(RuleBroken.class).hasMessageContaining("already in the phase 'Insight'");
        }

        @ParameterizedTest
        @ValueSource(strings = { "exploration", "insight" })
        void stepsBackToAnyEarlierPhaseWithAReason(String earlier) {
            Relationship relationship = anActiveRelationshipIn("action");

            relationship.moveToPhase(earlier, "A rupture after the last session", HILL, BO, NOW.plusSeconds(5));

            assertThat(relationship.phaseIndex()).isEqualTo(HILL.indexOf(earlier));
            assertThat(relationship.status()).isEqualTo(ACTIVE);
            PhaseMove stepBack = relationship.phaseMoves().get(relationship.phaseMoves().size() - 1);
            assertThat(stepBack.isStepBack()).isTrue();
            assertThat(stepBack.fromPhaseName()).isEqualTo("Action");
            assertThat(stepBack.reason()).isEqualTo("A rupture after the last session");
        }

        @ParameterizedTest
        @ValueSource(strings = { "", "  " })
        void refusesAStepBackWithoutAReason(String reason) {
            Relationship relationship = anActiveRelationshipIn("action");

            assertThatThrownBy(() -> relationship.moveToPhase("exploration", reason, HILL, ASH, NOW))
                    .isInstanceOf(RuleBroken.class).hasMessage("The reason for stepping back is needed.");
            assertThat(relationship.phaseIndex()).isEqualTo(2);
        }

        @Test
        void refusesAMoveForwardWithoutAReason() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);

            assertThatThrownBy(() -> relationship.moveToPhase("insight", " ", HILL, ASH, NOW))
                    .isInstanceOf(RuleBroken.class).hasMessage("The reason for moving on is needed.");
        }

        @Test
        void refusesAPhaseTheModelDoesNotHave() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);

            assertThatThrownBy(() -> relationship.moveToPhase("working", "Onwards", HILL, ASH, NOW))
                    .isInstanceOf(RuleBroken.class)
                    .hasMessage("The process model 'Process Model of Helping' has no phase 'working'.");
        }

        @ParameterizedTest
        @EnumSource(names = { "REFERRED", "WAITLISTED", "PAUSED", "ENDED" })
        void refusesPhaseMovesUnlessTheWorkIsUnderWay(RelationshipStatus status) {
            Relationship relationship = aRelationshipThatIs(status);
            int phase = relationship.phaseIndex();
            int moves = relationship.phaseMoves().size();

            assertThatThrownBy(() -> relationship.moveToPhase("insight", "Onwards", HILL, ASH, NOW))
                    .isInstanceOf(RuleBroken.class)
                    .hasMessageContaining("Phases move only while the work is active")
                    .hasMessageContaining(status.label().toLowerCase());
            assertThat(relationship.phaseIndex()).isEqualTo(phase);
            assertThat(relationship.phaseMoves()).hasSize(moves);
        }

        @Test
        void startsTheEndingOnEnteringTheEndingPhase() {
            Relationship relationship = anActiveRelationshipIn("action");

            relationship.moveToPhase("ending", "Goals reached", HILL, ASH, NOW);

            assertThat(relationship.phaseIndex()).isEqualTo(3);
            assertThat(relationship.status()).isEqualTo(ENDING);
            assertThat(relationship.statusChanges()).last()
                    .isEqualTo(new StatusChange(ACTIVE, ENDING, "Goals reached", ASH.accountId(), ASH.name(), NOW));
        }

        @Test
        void becomesActiveAgainOnSteppingBackOutOfTheEnding() {
            Relationship relationship = anActiveRelationshipIn("action");
            relationship.moveToPhase("ending", "Goals reached", HILL, ASH, NOW);

            relationship.moveToPhase("insight", "A loss brought old patterns back", HILL, ASH, NOW);

            assertThat(relationship.phaseIndex()).isEqualTo(1);
            assertThat(relationship.status()).isEqualTo(ACTIVE);
            assertThat(relationship.statusChanges()).last().extracting(StatusChange::fromStatus, StatusChange::toStatus,
                    StatusChange::reason).containsExactly(ENDING, ACTIVE, "A loss brought old patterns back");
        }

        @Test
        void movesIntoTheEndingPhaseWhenTheStatusBecomesEnding() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);

            relationship.changeStatus(ENDING, "Client is moving abroad", HILL, ASH, NOW);

            assertThat(relationship.phaseIndex()).isEqualTo(HILL.phaseCount() - 1);
            assertThat(relationship.phaseMoves()).containsExactly(new PhaseMove(0, 3, "Exploration", "Ending",
                    "Client is moving abroad", ASH.accountId(), ASH.name(), NOW));
        }

        @Test
        void movesIntoTheEndingPhaseWhenAPausedRelationshipStartsEnding() {
            Relationship relationship = aRelationshipThatIs(PAUSED);

            relationship.changeStatus(ENDING, "Client will not be back", HILL, ASH, NOW);

            assertThat(relationship.phaseIndex()).isEqualTo(3);
            assertThat(relationship.status()).isEqualTo(ENDING);
        }

        @Test
        void stepsBackToThePhaseBeforeTheEndingWhenTheEndingIsCalledOff() {
            Relationship relationship = aRelationshipThatIs(ENDING);

            relationship.changeStatus(ACTIVE, "Client asked for more sessions", HILL, ASH, NOW);

            assertThat(relationship.phaseIndex()).isEqualTo(2);
            assertThat(relationship.phaseMoves()).last().extracting(PhaseMove::fromPhaseName, PhaseMove::toPhaseName,
                    PhaseMove::reason).containsExactly("Ending", "Action", "Client asked for more sessions");
        }

        @Test
        void staysInTheEndingPhaseOnceEnded() {
            Relationship relationship = aRelationshipThatIs(ENDING);

            relationship.changeStatus(ENDED, "Last session held", HILL, ASH, NOW);

            assertThat(relationship.phaseIndex()).isEqualTo(3);
            assertThat(relationship.phaseMoves()).hasSize(1);
        }

        @Test
        void recordsWhoMovedThePhaseAndWhy() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            Instant at = Instant.parse("2025-04-14T11:30:00Z");

            relationship.moveToPhase("insight", "  Client has told the whole story  ", HILL, BO, at);

            assertThat(relationship.phaseMoves()).containsExactly(new PhaseMove(0, 1, "Exploration", "Insight",
                    "Client has told the whole story", BO.accountId(), "Bo Tern", at));
        }

        @Test
        void keepsEveryMoveForwardAndBackInOrder() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);

            relationship.moveToPhase("insight", "one", HILL, ASH, NOW.plusSeconds(1));
            relationship.moveToPhase("action", "two", HILL, ASH, NOW.plusSeconds(2));
            relationship.moveToPhase("exploration", "three", HILL, BO, NOW.plusSeconds(3));
            relationship.moveToPhase("insight", "four", HILL, BO, NOW.plusSeconds(4));

            assertThat(relationship.phaseMoves()).containsExactly(
                    new PhaseMove(0, 1, "Exploration", "Insight", "one", ASH.accountId(), ASH.name(), NOW.plusSeconds(1)),
                    new PhaseMove(1, 2, "Insight", "Action", "two", ASH.accountId(), ASH.name(), NOW.plusSeconds(2)),
                    new PhaseMove(2, 0, "Action", "Exploration", "three", BO.accountId(), BO.name(), NOW.plusSeconds(3)),
                    new PhaseMove(0, 1, "Exploration", "Insight", "four", BO.accountId(), BO.name(), NOW.plusSeconds(4)));
        }

        @Test
        void keepsTheEndingPhaseAndTheEndingStatusTogetherThroughAWalk() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            relationship.moveToPhase("insight", "on", HILL, ASH, NOW);
            relationship.changeStatus(PAUSED, "holiday", HILL, ASH, NOW);
            relationship.changeStatus(ACTIVE, "back", HILL, ASH, NOW);
            relationship.moveToPhase("action", "on", HILL, ASH, NOW);
            relationship.moveToPhase("ending", "on", HILL, ASH, NOW);
            assertEndingGoesWithTheEndingPhase(relationship);
            relationship.changeStatus(ACTIVE, "more to do", HILL, ASH, NOW);
            assertEndingGoesWithTheEndingPhase(relationship);
            relationship.changeStatus(ENDING, "done now", HILL, ASH, NOW);
            assertEndingGoesWithTheEndingPhase(relationship);
            relationship.moveToPhase("exploration", "new problem", HILL, ASH, NOW);
            assertEndingGoesWithTheEndingPhase(relationship);
            assertThat(relationship.status()).isEqualTo(ACTIVE);
        }

        private void assertEndingGoesWithTheEndingPhase(Relationship relationship) {
            assertThat(relationship.status() == ENDING).isEqualTo(HILL.isEnding(relationship.phaseIndex()));
        }
    }

    // --- tasks --------------------------------------------------------------------------------

    @Nested
    class PhaseTasks {

        @Test
        void ticksOffATaskOfTheCurrentPhase() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            LocalDate doneOn = TODAY.minusDays(2);

            relationship.tickTask("exploration", 1, doneOn, HILL, ASH, NOW, TODAY);

            assertThat(relationship.isTaskDone("exploration", 1)).isTrue();
            assertThat(relationship.isTaskDone("exploration", 0)).isFalse();
            assertThat(relationship.taskCompletions()).containsExactly(new TaskCompletion("exploration", 1,
                    "Encourage the client to tell their story and explore their thoughts", doneOn, ASH.accountId(),
                    ASH.name(), NOW));
        }

        @Test
        void ticksOffATaskOfAnEarlierPhase() {
            Relationship relationship = anActiveRelationshipIn("action");

            relationship.tickTask("exploration", 3, TODAY, HILL, BO, NOW, TODAY);

            assertThat(relationship.isTaskDone("exploration", 3)).isTrue();
        }

        @Test
        void refusesATaskOfALaterPhase() {
            Relationship relationship = anActiveRelationshipIn("insight");

            assertThatThrownBy(() -> relationship.tickTask("action", 0, TODAY, HILL, ASH, NOW, TODAY))
                    .isInstanceOf(RuleBroken.class).hasMessageContaining("later phase");
            assertThat(relationship.taskCompletions()).isEmpty();
        }

        @Test
        void refusesATaskTickedOffTwice() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            relationship.tickTask("exploration", 0, TODAY, HILL, ASH, NOW, TODAY);

            assertThatThrownBy(() -> relationship.tickTask("exploration", 0, TODAY, HILL, BO, NOW, TODAY))
                    .isInstanceOf(RuleBroken.class).hasMessage("That task is already ticked off.");
            assertThat(relationship.taskCompletions()).hasSize(1);
        }

        @Test
        void refusesADayInTheFuture() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);

            assertThatThrownBy(() -> relationship.tickTask("exploration", 0, TODAY.plusDays(1), HILL, ASH, NOW, TODAY))
                    .isInstanceOf(RuleBroken.class).hasMessageContaining("cannot be in the future");
        }

        @Test
        void refusesATaskWithoutADay() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);

            assertThatThrownBy(() -> relationship.tickTask("exploration", 0, null, HILL, ASH, NOW, TODAY))
                    .isInstanceOf(RuleBroken.class);
        }

        @Test
        void refusesADayBeforeTheReferralButAcceptsTheReferralDay() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);

            assertThatThrownBy(() -> relationship.tickTask("exploration", 0, REFERRED_ON.minusDays(1), HILL, ASH, NOW,
                    TODAY)).isInstanceOf(RuleBroken.class).hasMessageContaining("before the referral date (2025-03-03)");
            relationship.tickTask("exploration", 0, REFERRED_ON, HILL, ASH, NOW, TODAY);
            assertThat(relationship.isTaskDone("exploration", 0)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(ints = { -1, 4, 99 })
        void refusesATaskNumberThePhaseDoesNotHave(int index) {
            Relationship relationship = aRelationshipThatIs(ACTIVE);

            assertThatThrownBy(() -> relationship.tickTask("exploration", index, TODAY, HILL, ASH, NOW, TODAY))
                    .isInstanceOf(RuleBroken.class)
                    .hasMessage("The phase 'Exploration' has no task number " + (index + 1) + ".");
        }

        @Test
        void refusesAPhaseTheModelDoesNotHave() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);

            assertThatThrownBy(() -> relationship.tickTask("orientation", 0, TODAY, HILL, ASH, NOW, TODAY))
                    .isInstanceOf(RuleBroken.class).hasMessageContaining("has no phase 'orientation'");
        }

        @Test
        void refusesTicksOnceEnded() {
            Relationship relationship = aRelationshipThatIs(ENDED);

            assertThatThrownBy(() -> relationship.tickTask("exploration", 0, TODAY, HILL, ASH, NOW, TODAY))
                    .isInstanceOf(RuleBroken.class).hasMessageContaining("has ended");
            assertThat(relationship.taskCompletions()).isEmpty();
        }

        @Test
        void ticksOffTasksOfTheEndingWhileEnding() {
            Relationship relationship = aRelationshipThatIs(ENDING);

            relationship.tickTask("ending", 4, TODAY, HILL, ASH, NOW, TODAY);

            assertThat(relationship.isTaskDone("ending", 4)).isTrue();
        }
    }

    // --- working agreement --------------------------------------------------------------------

    @Nested
    class WorkingAgreement {

        @Test
        void writesTheFirstRevisionWithoutAChangeNote() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            AgreementTerms terms = termsReviewedOn(TODAY.plusWeeks(6));

            int revision = relationship.reviseAgreement(terms, null, ASH, NOW, TODAY);

            assertThat(revision).isEqualTo(1);
            AgreementRevision first = relationship.currentAgreement().orElseThrow();
            assertThat(first.terms()).isEqualTo(terms);
            assertThat(first.changeNote()).isNull();
            assertThat(first.writtenBy()).isEqualTo(ASH.accountId());
            assertThat(first.writtenByName()).isEqualTo("Ash Marlow");
            assertThat(first.writtenAt()).isEqualTo(NOW);
            assertThat(first.isAccepted()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = { "", "   " })
        void asksEveryLaterRevisionToSayWhatChanged(String note) {
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(6)), null, ASH, NOW, TODAY);

            assertThatThrownBy(() -> relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(8)), note, ASH, NOW,
                    TODAY)).isInstanceOf(RuleBroken.class).hasMessage("Say in a few words what this revision changes.");
            assertThatThrownBy(() -> relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(8)), null, ASH, NOW,
                    TODAY)).isInstanceOf(RuleBroken.class);
            assertThat(relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(8)), "Review moved back", ASH, NOW,
                    TODAY)).isEqualTo(2);
            assertThat(relationship.agreementRevisions()).extracting(AgreementRevision::changeNote)
                    .containsExactly(null, "Review moved back");
        }

        @Test
        void refusesAReviewDateInThePastButAcceptsToday() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);

            assertThatThrownBy(() -> relationship.reviseAgreement(termsReviewedOn(TODAY.minusDays(1)), null, ASH, NOW,
                    TODAY)).isInstanceOf(RuleBroken.class).hasMessage("The review date cannot be in the past.");
            assertThat(relationship.agreementRevisions()).isEmpty();
            assertThat(relationship.reviseAgreement(termsReviewedOn(TODAY), null, ASH, NOW, TODAY)).isEqualTo(1);
        }

        @Test
        void keepsEveryRevisionUnchangedAfterLaterOnes() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(6)), null, ASH, NOW, TODAY);
            relationship.acceptAgreement(1, TODAY, AcceptanceMethod.SIGNED, BO, NOW, TODAY, ZONE);
            AgreementRevision first = relationship.agreementRevisions().get(0);

            relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(8)), "Fortnightly from now", BO, NOW, TODAY);
            AgreementRevision second = relationship.agreementRevisions().get(1);
            relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(10)), "Video only", ASH, NOW, TODAY);
            relationship.acceptAgreement(3, TODAY, AcceptanceMethod.BY_PHONE, ASH, NOW, TODAY, ZONE);

            assertThat(relationship.agreementRevisions()).hasSize(3);
            assertThat(relationship.agreementRevisions().get(0)).isEqualTo(first);
            assertThat(relationship.agreementRevisions().get(1)).isEqualTo(second);
            assertThat(relationship.agreementRevisions()).extracting(AgreementRevision::revision).containsExactly(1, 2, 3);
        }

        @Test
        void acceptsOnlyTheLatestRevision() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(6)), null, ASH, NOW, TODAY);
            relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(8)), "Later review", ASH, NOW, TODAY);

            assertThatThrownBy(() -> relationship.acceptAgreement(1, TODAY, AcceptanceMethod.SIGNED, ASH, NOW, TODAY,
                    ZONE)).isInstanceOf(RuleBroken.class).hasMessage("Only the latest revision (2) can be accepted.");
            assertThat(relationship.agreementRevisions()).noneMatch(AgreementRevision::isAccepted);
        }

        @ParameterizedTest
        @ValueSource(ints = { 0, 2, -1 })
        void refusesARevisionThatDoesNotExist(int revision) {
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(6)), null, ASH, NOW, TODAY);

            assertThatThrownBy(() -> relationship.acceptAgreement(revision, TODAY, AcceptanceMethod.SIGNED, ASH, NOW,
                    TODAY, ZONE)).isInstanceOf(RuleBroken.class)
                    .hasMessage("The working agreement has no revision " + revision + ".");
        }

        @Test
        void refusesAcceptanceBeforeAnyAgreementIsWritten() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);

            assertThatThrownBy(() -> relationship.acceptAgreement(1, TODAY, AcceptanceMethod.SIGNED, ASH, NOW, TODAY,
                    ZONE)).isInstanceOf(RuleBroken.class).hasMessage("There is no working agreement to accept yet.");
        }

        @Test
        void refusesToAcceptTheSameRevisionTwice() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(6)), null, ASH, NOW, TODAY);
            relationship.acceptAgreement(1, TODAY, AcceptanceMethod.IN_SESSION, ASH, NOW, TODAY, ZONE);
            AgreementRevision accepted = relationship.agreementRevisions().get(0);

            assertThatThrownBy(() -> relationship.acceptAgreement(1, TODAY, AcceptanceMethod.SIGNED, BO,
                    NOW.plusSeconds(9), TODAY, ZONE)).isInstanceOf(RuleBroken.class)
                    .hasMessage("Revision 1 was already accepted on 2025-04-14.");
            assertThat(relationship.agreementRevisions()).containsExactly(accepted);
        }

        @Test
        void refusesAcceptanceWithoutSayingHow() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(6)), null, ASH, NOW, TODAY);

            assertThatThrownBy(() -> relationship.acceptAgreement(1, TODAY, null, ASH, NOW, TODAY, ZONE))
                    .isInstanceOf(RuleBroken.class).hasMessage("Say how the client accepted the agreement.");
        }

        @Test
        void refusesAcceptanceOnADayInTheFuture() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(6)), null, ASH, NOW, TODAY);

            assertThatThrownBy(() -> relationship.acceptAgreement(1, TODAY.plusDays(1), AcceptanceMethod.SIGNED, ASH,
                    NOW, TODAY, ZONE)).isInstanceOf(RuleBroken.class).hasMessageContaining("cannot be in the future");
            assertThat(relationship.currentAgreement().orElseThrow().isAccepted()).isFalse();
        }

        @Test
        void refusesAcceptanceBeforeTheRevisionWasWritten() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(6)), null, ASH, NOW, TODAY);

            assertThatThrownBy(() -> relationship.acceptAgreement(1, TODAY.minusDays(1), AcceptanceMethod.SIGNED, ASH,
                    NOW, TODAY, ZONE)).isInstanceOf(RuleBroken.class)
                    .hasMessage("The client cannot accept a revision before it was written.");
        }

        @Test
        void judgesTheDayOfWritingInTheOrganisationsTimeZone() {
            // 23:30 UTC on the 13th is already the 14th in London (summer time).
            Instant lateEvening = Instant.parse("2025-04-13T23:30:00Z");
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(6)), null, ASH, lateEvening, TODAY);

            assertThatThrownBy(() -> relationship.acceptAgreement(1, TODAY.minusDays(1), AcceptanceMethod.SIGNED, ASH,
                    NOW, TODAY, ZoneId.of("Europe/London"))).isInstanceOf(RuleBroken.class);
            relationship.acceptAgreement(1, TODAY.minusDays(1), AcceptanceMethod.SIGNED, ASH, NOW, TODAY, ZONE);
            assertThat(relationship.currentAgreement().orElseThrow().acceptedOn()).isEqualTo(TODAY.minusDays(1));
        }

        @Test
        void recordsHowAndWhenTheClientAcceptedAndCountsItAsContact() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            Instant writtenAt = Instant.parse("2025-04-10T15:00:00Z");
            relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(6)), null, ASH, writtenAt, TODAY);
            assertThat(relationship.lastContactOn()).isNull();

            relationship.acceptAgreement(1, LocalDate.of(2025, 4, 11), AcceptanceMethod.IN_WRITING, BO, NOW, TODAY,
                    ZONE);

            AgreementRevision accepted = relationship.currentAgreement().orElseThrow();
            assertThat(accepted.acceptedOn()).isEqualTo(LocalDate.of(2025, 4, 11));
            assertThat(accepted.acceptedHow()).isEqualTo(AcceptanceMethod.IN_WRITING);
            assertThat(accepted.acceptanceRecordedByName()).isEqualTo("Bo Tern");
            assertThat(accepted.acceptanceRecordedAt()).isEqualTo(NOW);
            assertThat(relationship.lastContactOn()).isEqualTo(LocalDate.of(2025, 4, 11));
        }

        @Test
        void hasNoReviewDateBeforeAnAgreementIsWritten() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);

            assertThat(relationship.nextReviewOn()).isEmpty();
            assertThat(relationship.isReviewOverdue(TODAY.plusYears(1))).isFalse();
        }

        @Test
        void takesTheReviewDateOfTheLatestAcceptedRevision() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            LocalDate firstReview = TODAY.plusWeeks(6);
            LocalDate secondReview = TODAY.plusWeeks(12);
            relationship.reviseAgreement(termsReviewedOn(firstReview), null, ASH, NOW, TODAY);
            assertThat(relationship.nextReviewOn()).as("nothing accepted yet: the latest revision's date")
                    .contains(firstReview);
            relationship.acceptAgreement(1, TODAY, AcceptanceMethod.IN_SESSION, ASH, NOW, TODAY, ZONE);

            relationship.reviseAgreement(termsReviewedOn(secondReview), "Longer before review", ASH, NOW, TODAY);
            assertThat(relationship.nextReviewOn()).as("the client has not agreed to the new date yet")
                    .contains(firstReview);

            relationship.acceptAgreement(2, TODAY, AcceptanceMethod.IN_SESSION, ASH, NOW, TODAY, ZONE);
            assertThat(relationship.nextReviewOn()).contains(secondReview);
        }

        @Test
        void isOverdueForReviewOnlyAfterTheReviewDate() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            LocalDate reviewOn = TODAY.plusWeeks(6);
            relationship.reviseAgreement(termsReviewedOn(reviewOn), null, ASH, NOW, TODAY);

            assertThat(relationship.isReviewOverdue(reviewOn.minusDays(1))).isFalse();
            assertThat(relationship.isReviewOverdue(reviewOn)).isFalse();
            assertThat(relationship.isReviewOverdue(reviewOn.plusDays(1))).isTrue();
        }

        @Test
        void isNeverOverdueForReviewOnceEnded() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            LocalDate reviewOn = TODAY.plusWeeks(6);
            relationship.reviseAgreement(termsReviewedOn(reviewOn), null, ASH, NOW, TODAY);
            relationship.changeStatus(ENDED, "Client moved away", HILL, ASH, NOW);

            assertThat(relationship.isReviewOverdue(reviewOn.plusDays(1))).isFalse();
        }

        @Test
        void refusesRevisionsOnceEnded() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(6)), null, ASH, NOW, TODAY);
            relationship.changeStatus(ENDED, "Client moved away", HILL, ASH, NOW);

            assertThatThrownBy(() -> relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(8)), "Too late", ASH,
                    NOW, TODAY)).isInstanceOf(RuleBroken.class).hasMessageContaining("has ended");
            assertThat(relationship.agreementRevisions()).hasSize(1);
        }

        @Test
        void refusesAcceptanceOnceEnded() {
            Relationship relationship = aRelationshipThatIs(ACTIVE);
            relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(6)), null, ASH, NOW, TODAY);
            relationship.changeStatus(ENDED, "Client moved away", HILL, ASH, NOW);

            assertThatThrownBy(() -> relationship.acceptAgreement(1, TODAY, AcceptanceMethod.SIGNED, ASH, NOW, TODAY,
                    ZONE)).isInstanceOf(RuleBroken.class).hasMessageContaining("has ended");
            assertThat(relationship.currentAgreement().orElseThrow().isAccepted()).isFalse();
            assertThat(relationship.lastContactOn()).isNull();
        }
    }

    // --- referral, terms, helper party ----------------------------------------------------------

    @Nested
    class Referrals {

        @Test
        void opensReferredInTheFirstPhaseWithTheLeadAndTheOtherHelpers() {
            Relationship relationship = Relationship.refer(ORGANISATION, CLIENT_PARTY,
                    HelperParty.of(LEAD, null, List.of(CO_HELPER)), HILL, aReferral(), null, OPENED_AT, TODAY);

            assertThat(relationship.status()).isEqualTo(REFERRED);
            assertThat(relationship.phaseIndex()).isZero();
            assertThat(relationship.processModelKey()).isEqualTo("hill-helping-model");
            assertThat(relationship.clientPartyId()).isEqualTo(CLIENT_PARTY);
            assertThat(relationship.leadHelperId()).isEqualTo(LEAD);
            assertThat(relationship.helperIds()).containsExactly(LEAD, CO_HELPER);
            assertThat(relationship.referral()).isEqualTo(aReferral());
            assertThat(relationship.openedAt()).isEqualTo(OPENED_AT);
            assertThat(relationship.statusChanges()).isEmpty();
            assertThat(relationship.phaseMoves()).isEmpty();
            assertThat(relationship.agreementRevisions()).isEmpty();
            assertThat(relationship.lastContactOn()).isNull();
        }

        @Test
        void refusesAReferralDatedInTheFuture() {
            Referral tomorrow = new Referral("Self", "Wants to talk", TODAY.plusDays(1), Urgency.ROUTINE);

            assertThatThrownBy(() -> Relationship.refer(ORGANISATION, CLIENT_PARTY, HelperParty.of(LEAD, null,
                    List.of()), HILL, tomorrow, null, NOW, TODAY)).isInstanceOf(RuleBroken.class)
                    .hasMessage("The referral date cannot be in the future.");
        }

        @Test
        void countsTheLeadAmongTheHelpersOnce() {
            HelperParty party = HelperParty.of(LEAD, null, List.of(LEAD, CO_HELPER));

            assertThat(party.helpers()).containsExactlyInAnyOrder(LEAD, CO_HELPER);
        }

        @Test
        void refusesAHelperPartyWithoutALead() {
            assertThatThrownBy(() -> new HelperParty(null, null, Set.of(CO_HELPER)))
                    .isInstanceOf(RuleBroken.class).hasMessage("Choose the helper who leads the work.");
        }

        @Test
        void refusesAHelperPartyOfMoreThanTwentyHelpers() {
            List<UUID> others = Stream.generate(UUID::randomUUID).limit(20).toList();

            assertThatThrownBy(() -> HelperParty.of(LEAD, null, others)).isInstanceOf(RuleBroken.class)
                    .hasMessage("A helper party has at most 20 helpers.");
            assertThat(HelperParty.of(LEAD, null, others.subList(0, 19)).helpers()).hasSize(20);
        }

        static Stream<Arguments> brokenReferrals() {
            return Stream.of(
                    refused("no source", () -> new Referral(" ", "reason", REFERRED_ON, Urgency.SOON),
                            "Who made the referral is needed."),
                    refused("a source of 201 characters", () -> new Referral("s".repeat(201), "reason", REFERRED_ON,
                            Urgency.SOON), "Who made the referral can be at most 200 characters (it has 201)."),
                    refused("no reason", () -> new Referral("GP", null, REFERRED_ON, Urgency.SOON),
                            "The reason for the referral is needed."),
                    refused("a reason of 4001 characters", () -> new Referral("GP", "r".repeat(4001), REFERRED_ON,
                            Urgency.SOON), "at most 4000 characters"),
                    refused("no date", () -> new Referral("GP", "reason", null, Urgency.SOON),
                            "The referral needs the date it was made."),
                    refused("no urgency", () -> new Referral("GP", "reason", REFERRED_ON, null),
                            "The referral needs an urgency."));
        }

        @ParameterizedTest(name = "refuses a referral with {0}")
        @MethodSource("brokenReferrals")
        void refusesAnIncompleteReferral(String what, ThrowingCallable making, String message) {
            assertThatThrownBy(making).isInstanceOf(RuleBroken.class).hasMessageContaining(message);
        }

        @Test
        void stripsTheReferralText() {
            Referral referral = new Referral("  GP  ", " Low mood ", REFERRED_ON, Urgency.URGENT);

            assertThat(referral.source()).isEqualTo("GP");
            assertThat(referral.reasonInReferrersWords()).isEqualTo("Low mood");
            assertThat(new Referral("s".repeat(200), "r".repeat(4000), REFERRED_ON, Urgency.SOON).source()).hasSize(200);
        }
    }

    @Nested
    class AgreementTermsChecks {

        static Stream<Arguments> brokenTerms() {
            return Stream.of(
                    refusedTerms("no purpose", d -> d.purpose = "  ", "The purpose, in the client's words, is needed."),
                    refusedTerms("a purpose of 2001 characters", d -> d.purpose = "p".repeat(2001),
                            "at most 2000 characters (it has 2001)"),
                    refusedTerms("no frequency", d -> d.frequency = null, "How often you meet is needed."),
                    refusedTerms("a frequency of 201 characters", d -> d.frequency = "f".repeat(201),
                            "at most 200 characters"),
                    refusedTerms("meetings of 4 minutes", d -> d.minutes = 4, "between 5 and 480 minutes"),
                    refusedTerms("meetings of 481 minutes", d -> d.minutes = 481, "between 5 and 480 minutes"),
                    refusedTerms("meetings of 0 minutes", d -> d.minutes = 0, "between 5 and 480 minutes"),
                    refusedTerms("no way of meeting", d -> d.modes = Set.of(), "Choose at least one way of meeting"),
                    refusedTerms("no ways of meeting at all", d -> d.modes = null, "Choose at least one way of meeting"),
                    refusedTerms("no roles", d -> d.roles = "", "Roles and responsibilities is needed."),
                    refusedTerms("roles of 4001 characters", d -> d.roles = "r".repeat(4001), "at most 4000"),
                    refusedTerms("no confidentiality", d -> d.confidentiality = "\t",
                            "Confidentiality and its limits is needed."),
                    refusedTerms("confidentiality of 4001 characters", d -> d.confidentiality = "c".repeat(4001),
                            "at most 4000"),
                    refusedTerms("no review date", d -> d.reviewOn = null, "The agreement needs a review date."),
                    refusedTerms("no ending plan", d -> d.endingPlan = " ", "How the relationship will end is needed."),
                    refusedTerms("an ending plan of 2001 characters", d -> d.endingPlan = "e".repeat(2001),
                            "at most 2000"));
        }

        @ParameterizedTest(name = "refuses terms with {0}")
        @MethodSource("brokenTerms")
        void refusesIncompleteTerms(String what, ThrowingCallable making, String message) {
            assertThatThrownBy(making).isInstanceOf(RuleBroken.class).hasMessageContaining(message);
        }

        @ParameterizedTest
        @ValueSource(ints = { 5, 50, 480 })
        void acceptsMeetingsFromFiveMinutesToEightHours(int minutes) {
            TermsDraft draft = new TermsDraft();
            draft.minutes = minutes;

            assertThat(draft.build().sessionLengthMinutes()).isEqualTo(minutes);
        }

        @Test
        void acceptsTheLongestTextsAllowed() {
            TermsDraft draft = new TermsDraft();
            draft.purpose = "p".repeat(2000);
            draft.frequency = "f".repeat(200);
            draft.roles = "r".repeat(4000);
            draft.confidentiality = "c".repeat(4000);
            draft.endingPlan = "e".repeat(2000);

            assertThatNoException().isThrownBy(draft::build);
        }

        @Test
        void keepsTheMeetingModesInTheirNaturalOrder() {
            TermsDraft draft = new TermsDraft();
            draft.modes = Set.of(MeetingMode.PHONE, MeetingMode.IN_PERSON);

            assertThat(draft.build().modesInOrder()).containsExactly(MeetingMode.IN_PERSON, MeetingMode.PHONE);
        }

        @Test
        void keepsTheTermsAsWrittenInTheRevision() {
            TermsDraft draft = new TermsDraft();
            draft.purpose = "  To feel less stuck  ";
            draft.modes = Set.of(MeetingMode.PHONE, MeetingMode.VIDEO, MeetingMode.IN_PERSON);
            AgreementTerms terms = draft.build();
            Relationship relationship = aRelationshipThatIs(ACTIVE);

            relationship.reviseAgreement(terms, null, ASH, NOW, TODAY);

            AgreementRevision revision = relationship.currentAgreement().orElseThrow();
            assertThat(revision.purposeInClientsWords()).isEqualTo("To feel less stuck");
            assertThat(revision.meetingModes()).isEqualTo("IN_PERSON,VIDEO,PHONE");
            assertThat(revision.terms()).isEqualTo(terms);
        }

        private static Arguments refusedTerms(String what, java.util.function.Consumer<TermsDraft> spoil,
                String message) {
            return refused(what, () -> {
                TermsDraft draft = new TermsDraft();
                spoil.accept(draft);
                draft.build();
            }, message);
        }
    }

    static Arguments refused(String what, ThrowingCallable making, String message) {
        return Arguments.of(what, making, message);
    }
}
