package org.rapport.measures.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.rapport.measures.outcomes.ChangeClassification.NO_RELIABLE_CHANGE;
import static org.rapport.measures.outcomes.ChangeClassification.RELIABLE_DETERIORATION;
import static org.rapport.measures.outcomes.ChangeClassification.RELIABLE_IMPROVEMENT;
import static org.rapport.measures.outcomes.ScoreDirection.HIGHER_IS_BETTER;
import static org.rapport.measures.outcomes.ScoreDirection.LOWER_IS_BETTER;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reliable change by the NHS Talking Therapies fixed values and by Jacobson &amp; Truax, at every boundary. */
class ReliableChangeTests {

    @ParameterizedTest(name = "PHQ-9 {0} → {1}: {2}")
    @CsvSource({
            "15, 9, RELIABLE_IMPROVEMENT",     // a drop of 6, exactly the value
            "15, 10, NO_RELIABLE_CHANGE",      // a drop of 5
            "9, 15, RELIABLE_DETERIORATION",   // a rise of 6
            "10, 15, NO_RELIABLE_CHANGE",      // a rise of 5
            "27, 0, RELIABLE_IMPROVEMENT",
            "12, 12, NO_RELIABLE_CHANGE"})
    void classifiesPhq9ChangeWithTheFixedValueOfSix(double first, double latest, ChangeClassification expected) {
        assertThat(ReliableChange.PHQ_9.classify(first, latest, LOWER_IS_BETTER)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "GAD-7 {0} → {1}: {2}")
    @CsvSource({
            "12, 8, RELIABLE_IMPROVEMENT",     // a drop of 4, exactly the value
            "12, 9, NO_RELIABLE_CHANGE",       // a drop of 3
            "8, 12, RELIABLE_DETERIORATION",
            "9, 12, NO_RELIABLE_CHANGE"})
    void classifiesGad7ChangeWithTheFixedValueOfFour(double first, double latest, ChangeClassification expected) {
        assertThat(ReliableChange.GAD_7.classify(first, latest, LOWER_IS_BETTER)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "check-in {0} → {1}: {2}")
    @CsvSource({
            "40, 46, RELIABLE_IMPROVEMENT",
            "46, 40, RELIABLE_DETERIORATION",
            "40, 45, NO_RELIABLE_CHANGE"})
    void readsARiseAsAnImprovementWhenHigherIsBetter(double first, double latest, ChangeClassification expected) {
        assertThat(ReliableChange.fixedValue(6).classify(first, latest, HIGHER_IS_BETTER)).isEqualTo(expected);
    }

    @Test
    void doesNotLetRoundingInAProratedTotalDecideTheBoundary() {
        assertThat(ReliableChange.PHQ_9.classify(10.2, 4.2, LOWER_IS_BETTER)).isEqualTo(RELIABLE_IMPROVEMENT);
        assertThat(ReliableChange.fixedValue(0.3).isReliable(0.1 + 0.2)).isTrue();
        assertThat(ReliableChange.fixedValue(0.3).isReliable(0.1 + 0.1)).isFalse();
    }

    @Test
    void computesTheJacobsonTruaxWorkedExample() {
        var rc = (ReliableChange.JacobsonTruax) ReliableChange.jacobsonTruax(5, 0.84);
        assertThat(rc.standardError()).isCloseTo(2.0, within(1e-9));
        assertThat(rc.standardErrorOfDifference()).isCloseTo(2.828, within(0.001));
        assertThat(rc.minimumChange()).isCloseTo(5.54, within(0.005));
        assertThat(rc.index(20, 14)).isCloseTo(-2.121, within(0.001));
    }

    @ParameterizedTest(name = "SD 5, r .84: {0} → {1}: {2}")
    @CsvSource({
            "20, 14.5, NO_RELIABLE_CHANGE",      // 5.5 points, below 5.54
            "20, 14.4, RELIABLE_IMPROVEMENT",    // 5.6 points
            "14.5, 20, NO_RELIABLE_CHANGE",
            "14.4, 20, RELIABLE_DETERIORATION",
            "20, 20, NO_RELIABLE_CHANGE"})
    void classifiesJacobsonTruaxChangeAroundFivePointFiveFour(double first, double latest, ChangeClassification expected) {
        assertThat(ReliableChange.jacobsonTruax(5, 0.84).classify(first, latest, LOWER_IS_BETTER)).isEqualTo(expected);
    }

    @Test
    void requiresAnIndexStrictlyAboveOnePointNineSix() {
        // SD 1/√2 and r 0 give S_diff exactly 1, so a change of exactly 1.96 has |RC| = 1.96.
        var rc = ReliableChange.jacobsonTruax(1 / Math.sqrt(2), 0);
        assertThat(rc.isReliable(1.96)).isFalse();
        assertThat(rc.isReliable(1.9601)).isTrue();
        assertThat(rc.isReliable(-1.9601)).isTrue();
    }

    @Test
    void countsAChangeEqualToTheFixedValueAsReliable() {
        assertThat(ReliableChange.PHQ_9.isReliable(6)).isTrue();
        assertThat(ReliableChange.PHQ_9.isReliable(-6)).isTrue();
        assertThat(ReliableChange.PHQ_9.isReliable(5.999)).isFalse();
        assertThat(ReliableChange.PHQ_9.minimumChange()).isEqualTo(6);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -4, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesAReliableChangeValueThatIsNotPositive(double points) {
        assertThatThrownBy(() -> ReliableChange.fixedValue(points)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive number of points");
    }

    @ParameterizedTest(name = "SD {0}, r {1}")
    @CsvSource({"0, 0.8", "-1, 0.8", "5, 1", "5, -0.1", "5, NaN"})
    void refusesAStandardDeviationOrReliabilityOutOfRange(double sd, double r) {
        assertThatThrownBy(() -> ReliableChange.jacobsonTruax(sd, r)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAScoreThatIsNotANumber() {
        assertThatThrownBy(() -> ReliableChange.PHQ_9.classify(Double.NaN, 3, LOWER_IS_BETTER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first score");
    }
}
