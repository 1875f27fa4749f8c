package org.rapport.measures.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.rapport.measures.outcomes.ScoreDirection.HIGHER_IS_BETTER;
import static org.rapport.measures.outcomes.ScoreDirection.LOWER_IS_BETTER;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Jacobson &amp; Truax's cut-offs a, b and c and their four categories, from the worked examples in measures.md. */
class ClinicalSignificanceTests {

    // CORE-10 norms from measures.md: primary-care counselling M 19.7, SD 7.7; general population M 4.7, SD 4.8.
    static final double DYS_MEAN = 19.7, DYS_SD = 7.7, FUNC_MEAN = 4.7, FUNC_SD = 4.8;

    @Test
    void computesCutOffCForCore10AsTenPointFourSix() {
        assertThat(ClinicalSignificance.cutOffC(DYS_MEAN, DYS_SD, FUNC_MEAN, FUNC_SD)).isCloseTo(10.46, within(0.005));
    }

    @ParameterizedTest(name = "{0}: a {1}, b {2}")
    @CsvSource({
            "LOWER_IS_BETTER, 4.3, 14.3",     // 19.7 − 2·7.7; 4.7 + 2·4.8
            "HIGHER_IS_BETTER, 35.1, -4.9"})  // the same numbers with the signs flipped
    void computesCutOffsAAndBFromEachSampleAlone(ScoreDirection direction, double a, double b) {
        assertThat(ClinicalSignificance.cutOffA(DYS_MEAN, DYS_SD, direction)).isCloseTo(a, within(1e-9));
        assertThat(ClinicalSignificance.cutOffB(FUNC_MEAN, FUNC_SD, direction)).isCloseTo(b, within(1e-9));
    }

    @Test
    void usesTheFunctionalStandardDeviationForCutOffB() {
        assertThat(ClinicalSignificance.cutOffB(5, 2, LOWER_IS_BETTER)).isEqualTo(9);
    }

    @Test
    void placesCutOffCMidwayWhenTheStandardDeviationsAreEqual() {
        assertThat(ClinicalSignificance.cutOffC(20, 5, 6, 5)).isEqualTo(13);
        // Higher is better, e.g. a wellbeing scale: clinical M 19, SD 6; functional M 28, SD 5 → (6·28 + 5·19) / 11.
        assertThat(ClinicalSignificance.cutOffC(19, 6, 28, 5)).isCloseTo(23.91, within(0.005));
    }

    @ParameterizedTest(name = "cut-off c 10.46, RC SD 7.7 r .90 (min {2}): {0} → {1}: {3}")
    @CsvSource({
            "20, 9, 6.75, RECOVERED",       // reliable, and from above the cut-off to below it
            "20, 12, 6.75, IMPROVED",       // reliable, but still above the cut-off
            "20, 15, 6.75, UNCHANGED",      // 5 points: within measurement error
            "12, 4, 6.75, RECOVERED",
            "10, 2, 6.75, IMPROVED",        // already below the cut-off at the start: no crossing
            "9, 17, 6.75, DETERIORATED",
            "9, 9, 6.75, UNCHANGED"})
    void classifiesCore10ChangeWithCutOffC(double first, double latest, double minimumChange, ClinicalSignificanceCategory expected) {
        var rc = ReliableChange.jacobsonTruax(DYS_SD, 0.90);
        assertThat(rc.minimumChange()).isCloseTo(minimumChange, within(0.005));
        var significance = new ClinicalSignificance(ClinicalSignificance.cutOffC(DYS_MEAN, DYS_SD, FUNC_MEAN, FUNC_SD), LOWER_IS_BETTER, rc);
        assertThat(significance.classify(first, latest)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "cut-off 11, change of 6: {0} → {1}: {2}")
    @CsvSource({
            "17, 11, IMPROVED",    // exactly on the cut-off is not beyond it
            "17, 10, RECOVERED",
            "16, 11, UNCHANGED"})
    void countsAScoreOnTheCutOffAsStillOnTheClinicalSide(double first, double latest, ClinicalSignificanceCategory expected) {
        assertThat(new ClinicalSignificance(11, LOWER_IS_BETTER, ReliableChange.fixedValue(6)).classify(first, latest)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "higher is better, cut-off 25, change of 5: {0} → {1}: {2}")
    @CsvSource({
            "18, 28, RECOVERED",
            "18, 24, IMPROVED",
            "18, 22, UNCHANGED",
            "30, 24, DETERIORATED"})
    void classifiesARisingScoreWhenHigherIsBetter(double first, double latest, ClinicalSignificanceCategory expected) {
        assertThat(new ClinicalSignificance(25, HIGHER_IS_BETTER, ReliableChange.fixedValue(5)).classify(first, latest)).isEqualTo(expected);
    }

    @Test
    void refusesAStandardDeviationThatIsNotPositive() {
        assertThatThrownBy(() -> ClinicalSignificance.cutOffC(20, 0, 5, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dysfunctional sample's standard deviation");
        assertThatThrownBy(() -> ClinicalSignificance.cutOffB(5, -1, LOWER_IS_BETTER)).isInstanceOf(IllegalArgumentException.class);
    }
}
