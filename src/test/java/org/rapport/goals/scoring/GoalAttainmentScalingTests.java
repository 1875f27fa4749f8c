package org.rapport.goals.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Kiresuk–Sherman T-score against the worked examples of measures.md and by hand. */
class GoalAttainmentScalingTests {

    /** Levels and weights as "2 0 -1" and "3 1 2"; weights blank for unweighted goals. */
    static List<WeightedAttainment> goals(String levels, String weights) {
        int[] xs = Arrays.stream(levels.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
        double[] ws = weights == null || weights.isBlank() ? null
                : Arrays.stream(weights.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
        List<WeightedAttainment> goals = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) goals.add(WeightedAttainment.of(xs[i], ws == null ? 1 : ws[i]));
        return goals;
    }

    @ParameterizedTest(name = "levels ({0}) weights ({1}) → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1 1 1    |        | 63.69
            -1 -1 -1 |        | 36.31
            2 0 -1   | 3 1 2  | 58.81
            0 0 0    |        | 50.00
            0 0 0    | 3 9 2  | 50.00
            2 2 2 2  |        | 79.02
            -2 -2    |        | 25.19
            """)
    void matchesTheWorkedExamples(String levels, String weights, double expected) {
        assertThat(GoalAttainmentScaling.tScore(goals(levels, weights))).isCloseTo(expected, within(0.005));
    }

    @ParameterizedTest(name = "a single goal at {0} scores {1} whatever its weight")
    @CsvSource({"-2, 30", "-1, 40", "0, 50", "1, 60", "2, 70"})
    void scoresASingleGoalAsFiftyPlusTenTimesItsLevel(int level, double expected) {
        assertThat(GoalAttainmentScaling.tScore(List.of(WeightedAttainment.unweighted(level)))).isCloseTo(expected, within(1e-9));
        assertThat(GoalAttainmentScaling.tScore(List.of(WeightedAttainment.of(level, 6)))).isCloseTo(expected, within(1e-9));
        assertThat(GoalAttainmentScaling.tScore(List.of(WeightedAttainment.of(level, 6)), 0)).isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 2, 2.5, 9})
    void treatsEqualWeightsAsUnweighted(double weight) {
        String levels = "2 -1 0 1 -2";
        String equal = (weight + " ").repeat(5);
        assertThat(GoalAttainmentScaling.tScore(goals(levels, equal)))
                .isCloseTo(GoalAttainmentScaling.tScore(goals(levels, null)), within(1e-9));
    }

    @Test
    void computesWithRhoZeroAsByHand() {
        // Σwx = 6 + 0 − 2 = 4; Σw² = 9 + 1 + 4 = 14; T = 50 + 40 / √14 = 60.690…
        assertThat(GoalAttainmentScaling.tScore(goals("2 0 -1", "3 1 2"), 0)).isCloseTo(50 + 40 / Math.sqrt(14), within(1e-9))
                .isCloseTo(60.69, within(0.005));
        // Three unweighted goals at +1: 50 + 30 / √3 = 67.32
        assertThat(GoalAttainmentScaling.tScore(goals("1 1 1", null), 0)).isCloseTo(67.32, within(0.005));
    }

    @Test
    void usesRhoPointThreeByDefault() {
        assertThat(GoalAttainmentScaling.RHO).isEqualTo(0.3);
        List<WeightedAttainment> goals = goals("2 0 -1", "3 1 2");
        assertThat(GoalAttainmentScaling.tScore(goals)).isEqualTo(GoalAttainmentScaling.tScore(goals, 0.3));
    }

    @Test
    void refusesAnEmptyListOfGoals() {
        assertThatThrownBy(() -> GoalAttainmentScaling.tScore(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one rated goal");
        assertThatThrownBy(() -> GoalAttainmentScaling.tScore(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1, 1.5, Double.NaN})
    void refusesARhoOutsideZeroToOne(double rho) {
        assertThatThrownBy(() -> GoalAttainmentScaling.tScore(goals("1", null), rho))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ρ");
    }

    @ParameterizedTest
    @ValueSource(ints = {-3, 3, 100, Integer.MIN_VALUE})
    void refusesALevelOutsideMinusTwoToPlusTwo(int level) {
        assertThatThrownBy(() -> new AttainmentLevel(level)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("−2 to +2");
        assertThat(AttainmentLevel.isLevel(level)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesAWeightThatIsNotAboveZero(double weight) {
        assertThatThrownBy(() -> WeightedAttainment.of(1, weight)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("above 0");
    }

    @Test
    void refusesAWeightedAttainmentWithoutALevel() {
        assertThatThrownBy(() -> new WeightedAttainment(null, 1)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest(name = "importance {0} × difficulty {1} → weight {2}")
    @CsvSource(nullValues = "null", value = {"3, 2, 6", "1, 1, 1", "3, 3, 9", "0, 3, 1", "2, 0, 1", "null, 2, 1",
            "2, null, 1", "null, null, 1"})
    void weighsAGoalByImportanceTimesDifficulty(Integer importance, Integer difficulty, double weight) {
        assertThat(GoalAttainmentScaling.weight(importance, difficulty)).isEqualTo(weight);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"4, 1", "-1, 1", "1, 4", "null, -1"})
    void refusesAnImportanceOrDifficultyOutsideZeroToThree(Integer importance, Integer difficulty) {
        assertThatThrownBy(() -> GoalAttainmentScaling.weight(importance, difficulty))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 to 3");
    }

    @Test
    void labelsLevelsAsHelpersWriteThem() {
        assertThat(List.of(-2, -1, 0, 1, 2).stream().map(l -> new AttainmentLevel(l).label()))
                .containsExactly("−2", "−1", "0", "+1", "+2");
    }
}
