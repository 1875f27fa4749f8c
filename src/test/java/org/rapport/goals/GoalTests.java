package org.rapport.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;

/** A goal's rules without Spring: setting it, its status moves, its ratings and steps, and the T-score over goals. */
class GoalTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    static final Actor ASH = new Actor(UUID.randomUUID(), "Ash Marlow");
    static final LevelDescriptions LEVELS = new LevelDescriptions("Not sleeping at all", "Sleeping two nights a week",
            "Sleeping four nights a week", "Sleeping five nights a week", "Sleeping every night");

    static NewGoal aGoal(LocalDate setOn, GoalStatus startAs, Integer importance, Integer difficulty) {
        return new NewGoal(null, null, "I want to sleep through the night", LEVELS, new AttainmentLevel(-1),
                importance, difficulty, setOn, startAs);
    }

    static Goal goal(GoalStatus startAs) {
        return Goal.set(UUID.randomUUID(), UUID.randomUUID(), null, aGoal(TODAY.minusDays(30), startAs, null, null),
                ASH, NOW, TODAY);
    }

    static Goal activeGoal() {
        return goal(GoalStatus.ACTIVE);
    }

    /** A goal brought to a status along legal moves. */
    static Goal goalThatIs(GoalStatus status) {
        Goal goal = goal(status == GoalStatus.PROPOSED ? GoalStatus.PROPOSED : GoalStatus.ACTIVE);
        if (status == GoalStatus.PROPOSED || status == GoalStatus.ACTIVE) return goal;
        goal.changeStatus(status, "Agreed together", ASH, NOW);
        return goal;
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PROPOSED     | ACTIVE CANCELLED
            ACTIVE       | ON_HOLD ACHIEVED NOT_ACHIEVED CONTINUING_ELSEWHERE CANCELLED
            ON_HOLD      | ACTIVE CONTINUING_ELSEWHERE CANCELLED
            ACHIEVED     |
            NOT_ACHIEVED |
            CONTINUING_ELSEWHERE |
            CANCELLED    |
            """)
    void movesOnlyAlongTheLegalPaths(GoalStatus from, String allowed) {
        Set<GoalStatus> legal = allowed == null ? Set.of()
                : Arrays.stream(allowed.trim().split("\\s+")).map(GoalStatus::valueOf).collect(Collectors.toSet());
        assertThat(from.next()).containsExactlyInAnyOrderElementsOf(legal);
        for (GoalStatus to : GoalStatus.values()) {
            Goal goal = goalThatIs(from);
            if (legal.contains(to)) {
                goal.changeStatus(to, null, ASH, NOW);
                assertThat(goal.status()).isEqualTo(to);
                assertThat(goal.statusChanges()).last().satisfies(c -> {
                    assertThat(c.fromStatus()).isEqualTo(from);
                    assertThat(c.toStatus()).isEqualTo(to);
                    assertThat(c.changedByName()).isEqualTo("Ash Marlow");
                });
            } else {
                int changes = goal.statusChanges().size();
                assertThatThrownBy(() -> goal.changeStatus(to, null, ASH, NOW)).isInstanceOf(RuleBroken.class)
                        .hasMessageContaining(from.label().toLowerCase());
                assertThat(goal.status()).isEqualTo(from);
                assertThat(goal.statusChanges()).hasSize(changes);
            }
        }
    }

    @Test
    void treatsAchievedNotAchievedContinuingElsewhereAndCancelledAsFinal() {
        assertThat(Arrays.stream(GoalStatus.values()).filter(GoalStatus::isFinal))
                .containsExactlyInAnyOrder(GoalStatus.ACHIEVED, GoalStatus.NOT_ACHIEVED, GoalStatus.CONTINUING_ELSEWHERE,
                        GoalStatus.CANCELLED);
    }

    @Test
    void refusesAReasonOverFiveHundredCharacters() {
        assertThatThrownBy(() -> activeGoal().changeStatus(GoalStatus.ON_HOLD, "x".repeat(501), ASH, NOW))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("at most 500");
    }

    @Test
    void setsAGoalWithItsLevelsBaselineAndWeights() {
        Goal goal = Goal.set(UUID.randomUUID(), UUID.randomUUID(), null, aGoal(TODAY, null, 3, 2), ASH, NOW, TODAY);
        assertThat(goal.status()).isEqualTo(GoalStatus.ACTIVE);
        assertThat(goal.levels()).isEqualTo(LEVELS);
        assertThat(goal.baseline()).isEqualTo(new AttainmentLevel(-1));
        assertThat(goal.weight()).isEqualTo(6);
        assertThat(goal.setByName()).isEqualTo("Ash Marlow");
        assertThat(goal.setOn()).isEqualTo(TODAY);
    }

    @Test
    void refusesAGoalWithALevelUndescribed() {
        NewGoal missing = new NewGoal(null, null, "To sleep", new LevelDescriptions("a", "b", " ", "d", "e"),
                new AttainmentLevel(-1), null, null, TODAY, null);
        assertThatThrownBy(() -> Goal.set(UUID.randomUUID(), UUID.randomUUID(), null, missing, ASH, NOW, TODAY))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("level 0");
        NewGoal none = new NewGoal(null, null, "To sleep", null, new AttainmentLevel(-1), null, null, TODAY, null);
        assertThatThrownBy(() -> Goal.set(UUID.randomUUID(), UUID.randomUUID(), null, none, ASH, NOW, TODAY))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("five levels");
    }

    @Test
    void refusesAGoalWithoutStatementBaselineOrWithOverlongText() {
        assertThatThrownBy(() -> Goal.set(UUID.randomUUID(), UUID.randomUUID(), null,
                new NewGoal(null, null, "", LEVELS, new AttainmentLevel(0), null, null, TODAY, null), ASH, NOW, TODAY))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("client's words");
        assertThatThrownBy(() -> Goal.set(UUID.randomUUID(), UUID.randomUUID(), null,
                new NewGoal(null, null, "x".repeat(1001), LEVELS, new AttainmentLevel(0), null, null, TODAY, null), ASH, NOW,
                TODAY)).isInstanceOf(RuleBroken.class).hasMessageContaining("at most 1000");
        assertThatThrownBy(() -> Goal.set(UUID.randomUUID(), UUID.randomUUID(), null,
                new NewGoal(null, null, "To sleep", LEVELS, null, null, null, TODAY, null), ASH, NOW, TODAY))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("baseline");
        LevelDescriptions long_ = new LevelDescriptions("a", "b", "c", "d", "e".repeat(501));
        assertThatThrownBy(() -> Goal.set(UUID.randomUUID(), UUID.randomUUID(), null,
                new NewGoal(null, null, "To sleep", long_, new AttainmentLevel(0), null, null, TODAY, null), ASH, NOW, TODAY))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("+2").hasMessageContaining("at most 500");
    }

    @ParameterizedTest
    @CsvSource({"4, 1", "1, -1", "-1, 2", "1, 7"})
    void refusesImportanceOrDifficultyOutsideZeroToThree(int importance, int difficulty) {
        assertThatThrownBy(() -> Goal.set(UUID.randomUUID(), UUID.randomUUID(), null, aGoal(TODAY, null, importance,
                difficulty), ASH, NOW, TODAY)).isInstanceOf(RuleBroken.class).hasMessageContaining("0 to 3");
    }

    @Test
    void refusesAGoalSetInTheFutureOrStartingOtherThanProposedOrActive() {
        assertThatThrownBy(() -> Goal.set(UUID.randomUUID(), UUID.randomUUID(), null, aGoal(TODAY.plusDays(1), null,
                null, null), ASH, NOW, TODAY)).isInstanceOf(RuleBroken.class).hasMessageContaining("future");
        assertThatThrownBy(() -> Goal.set(UUID.randomUUID(), UUID.randomUUID(), null, aGoal(TODAY, GoalStatus.ACHIEVED,
                null, null), ASH, NOW, TODAY)).isInstanceOf(RuleBroken.class).hasMessageContaining("proposed or active");
    }

    @Test
    void ratesAnActiveGoal() {
        Goal goal = activeGoal();
        UUID session = UUID.randomUUID();
        goal.rate(new AttainmentLevel(1), TODAY.minusDays(2), session, ASH, NOW, TODAY);
        assertThat(goal.ratings()).singleElement().satisfies(r -> {
            assertThat(r.level()).isEqualTo(1);
            assertThat(r.ratedOn()).isEqualTo(TODAY.minusDays(2));
            assertThat(r.sessionId()).isEqualTo(session);
            assertThat(r.ratedByName()).isEqualTo("Ash Marlow");
        });
    }

    @ParameterizedTest
    @EnumSource(value = GoalStatus.class, names = "ACTIVE", mode = EnumSource.Mode.EXCLUDE)
    void ratesOnlyAnActiveGoal(GoalStatus status) {
        Goal goal = goalThatIs(status);
        assertThatThrownBy(() -> goal.rate(new AttainmentLevel(0), TODAY, null, ASH, NOW, TODAY))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("Only an active goal");
        assertThat(goal.ratings()).isEmpty();
    }

    @Test
    void refusesARatingInTheFutureOrBeforeTheGoalWasSet() {
        Goal goal = activeGoal();
        assertThatThrownBy(() -> goal.rate(new AttainmentLevel(0), TODAY.plusDays(1), null, ASH, NOW, TODAY))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("future");
        assertThatThrownBy(() -> goal.rate(new AttainmentLevel(0), TODAY.minusDays(31), null, ASH, NOW, TODAY))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("before the goal was set");
        goal.rate(new AttainmentLevel(0), TODAY.minusDays(30), null, ASH, NOW, TODAY);
        assertThat(goal.ratings()).hasSize(1);
    }

    @Test
    void refusesASecondRatingInTheSameSession() {
        Goal goal = activeGoal();
        UUID session = UUID.randomUUID();
        goal.rate(new AttainmentLevel(0), TODAY, session, ASH, NOW, TODAY);
        assertThatThrownBy(() -> goal.rate(new AttainmentLevel(1), TODAY, session, ASH, NOW, TODAY))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("already rated in that session");
        goal.rate(new AttainmentLevel(1), TODAY, null, ASH, NOW.plusSeconds(1), TODAY);
        assertThat(goal.ratings()).hasSize(2);
        assertThat(goal.latestRating()).get().extracting(GoalRating::level).isEqualTo(1);
    }

    @Test
    void takesTheLatestRatingByDayThenByWhenItWasRecorded() {
        Goal goal = activeGoal();
        goal.rate(new AttainmentLevel(2), TODAY.minusDays(1), null, ASH, NOW, TODAY);
        goal.rate(new AttainmentLevel(-1), TODAY.minusDays(5), null, ASH, NOW.plusSeconds(5), TODAY);
        assertThat(goal.latestRating()).get().extracting(GoalRating::level).isEqualTo(2);
        assertThat(goal.latestRatingOn(TODAY.minusDays(2))).get().extracting(GoalRating::level).isEqualTo(-1);
        assertThat(goal.latestRatingOn(TODAY.minusDays(6))).isEmpty();
    }

    @Test
    void addsAndTicksOffActionSteps() {
        Goal goal = activeGoal();
        UUID step = goal.addActionStep(new NewActionStep("Keep a sleep diary", StepOwner.CLIENT, TODAY.plusDays(7)), ASH, NOW);
        goal.completeActionStep(step, TODAY, TODAY);
        assertThat(goal.actionSteps()).singleElement().satisfies(s -> {
            assertThat(s.description()).isEqualTo("Keep a sleep diary");
            assertThat(s.whoDoesIt()).isEqualTo(StepOwner.CLIENT);
            assertThat(s.doneOn()).isEqualTo(TODAY);
        });
        assertThatThrownBy(() -> goal.completeActionStep(step, TODAY, TODAY)).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("already done");
        assertThatThrownBy(() -> goal.completeActionStep(UUID.randomUUID(), TODAY, TODAY)).isInstanceOf(RecordNotFound.class);
    }

    @Test
    void refusesActionStepsThatAreIncompleteOrOnAFinishedGoal() {
        Goal goal = activeGoal();
        assertThatThrownBy(() -> goal.addActionStep(new NewActionStep(" ", StepOwner.CLIENT, TODAY), ASH, NOW))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("step is needed");
        assertThatThrownBy(() -> goal.addActionStep(new NewActionStep("Walk", null, TODAY), ASH, NOW))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("who takes the step");
        assertThatThrownBy(() -> goal.addActionStep(new NewActionStep("Walk", StepOwner.HELPER, null), ASH, NOW))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("due by");
        assertThatThrownBy(() -> goal.addActionStep(new NewActionStep("x".repeat(501), StepOwner.HELPER, TODAY), ASH, NOW))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("at most 500");
        UUID step = goal.addActionStep(new NewActionStep("Walk", StepOwner.HELPER, TODAY), ASH, NOW);
        assertThatThrownBy(() -> goal.completeActionStep(step, TODAY.plusDays(1), TODAY)).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("future");
        goal.changeStatus(GoalStatus.CANCELLED, null, ASH, NOW);
        assertThatThrownBy(() -> goal.addActionStep(new NewActionStep("Walk", StepOwner.HELPER, TODAY), ASH, NOW))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("cancelled");
    }

    @Test
    void scoresTheGoalsThatCountAtTheirLatestRatingAndKeepsTheHistory() {
        Goal sleep = Goal.set(UUID.randomUUID(), UUID.randomUUID(), null, aGoal(TODAY.minusDays(30), null, 3, 1), ASH,
                NOW, TODAY);
        Goal walk = Goal.set(UUID.randomUUID(), UUID.randomUUID(), null, aGoal(TODAY.minusDays(30), null, 1, 1), ASH,
                NOW, TODAY);
        Goal cancelled = activeGoal();
        LocalDate first = TODAY.minusDays(14);
        LocalDate second = TODAY.minusDays(7);
        sleep.rate(new AttainmentLevel(-1), first, null, ASH, NOW, TODAY);
        walk.rate(new AttainmentLevel(0), second, null, ASH, NOW, TODAY);
        sleep.rate(new AttainmentLevel(2), second, null, ASH, NOW, TODAY);
        cancelled.rate(new AttainmentLevel(-2), TODAY.minusDays(3), null, ASH, NOW, TODAY);
        cancelled.changeStatus(GoalStatus.CANCELLED, null, ASH, NOW);
        walk.changeStatus(GoalStatus.ACHIEVED, null, ASH, NOW);

        List<Goal> goals = List.of(sleep, walk, cancelled);
        List<TScorePoint> history = TScores.history(goals);
        assertThat(history).extracting(TScorePoint::on).containsExactly(first, second);
        // First day: one goal at −1 → 40.
        assertThat(history.get(0).tScore()).isCloseTo(40, within(1e-9));
        assertThat(history.get(0).goals()).isEqualTo(1);
        // Second day: (+2 weight 3, 0 weight 1): 50 + 10·6 / √(0.7·10 + 0.3·16) = 50 + 60/√11.8 = 67.47
        assertThat(history.get(1).tScore()).isCloseTo(67.47, within(0.005));
        assertThat(TScores.now(goals)).isEqualTo(history.get(1));
        assertThat(TScores.now(List.of(activeGoal()))).isNull();
        assertThat(TScores.history(List.of(cancelled))).isEmpty();
    }
}
