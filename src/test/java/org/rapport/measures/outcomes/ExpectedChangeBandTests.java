package org.rapport.measures.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expected-change band of decision record 7: cut-off + (intake − cut-off)·0.9^(n−1), plus the reliable-change value. */
class ExpectedChangeBandTests {

    static final ExpectedChangeBand PHQ_9 = ExpectedChangeBand.forMeasure(TalkingTherapiesMeasure.PHQ_9);
    static final ExpectedChangeBand GAD_7 = ExpectedChangeBand.forMeasure(TalkingTherapiesMeasure.GAD_7);

    @ParameterizedTest(name = "PHQ-9 intake {0}, session {1}: expected {2}, upper edge {3}")
    @CsvSource({
            "20, 1, 20.00, 26.00",
            "20, 2, 19.00, 25.00",
            "20, 3, 18.10, 24.10",
            "20, 4, 17.29, 23.29",
            "20, 5, 16.56, 22.56",
            "20, 6, 15.90, 21.90",
            "20, 7, 15.31, 21.31",
            "20, 8, 14.78, 20.78",
            "20, 9, 14.30, 20.30",
            "20, 10, 13.87, 19.87",
            "15, 1, 15.00, 21.00",
            "15, 2, 14.50, 20.50",
            "15, 3, 14.05, 20.05",
            "15, 4, 13.64, 19.64",
            "15, 5, 13.28, 19.28",
            "15, 6, 12.95, 18.95",
            "15, 7, 12.66, 18.66",
            "15, 8, 12.39, 18.39",
            "15, 9, 12.15, 18.15",
            "15, 10, 11.94, 17.94"})
    void drawsThePhq9BandForSessionsOneToTen(double intake, int session, double expected, double upper) {
        Band band = PHQ_9.expectedBand(intake, session);
        assertThat(band.expected()).isCloseTo(expected, within(0.005));
        assertThat(band.upperTolerance()).isCloseTo(upper, within(0.005));
    }

    @ParameterizedTest(name = "GAD-7 intake 16, session {0}: expected {1}, upper edge {2}")
    @CsvSource({"1, 16.00, 20.00", "2, 15.20, 19.20", "5, 13.25, 17.25", "8, 11.83, 15.83", "10, 11.10, 15.10"})
    void usesEachMeasuresCutOffAndReliableChangeValue(int session, double expected, double upper) {
        Band band = GAD_7.expectedBand(16, session);
        assertThat(band.expected()).isCloseTo(expected, within(0.005));
        assertThat(band.upperTolerance()).isCloseTo(upper, within(0.005));
    }

    @Test
    void losesHalfTheDistanceAboveTheCutOffByAboutTheEighthSession() {
        assertThat(PHQ_9.expectedBand(20, 8).expected()).isCloseTo(15, within(0.25));
    }

    @ParameterizedTest(name = "intake {0}")
    @CsvSource({"10", "9", "0"})
    void expectsNoChangeFromAnIntakeAtOrBelowTheCutOff(double intake) {
        for (int session = 1; session <= 10; session++) {
            assertThat(PHQ_9.expectedBand(intake, session)).isEqualTo(new Band(intake, intake + 6));
        }
    }

    @Test
    void neverExpectsAScoreBelowTheCutOff() {
        assertThat(PHQ_9.expectedBand(27, 200).expected()).isGreaterThanOrEqualTo(10).isCloseTo(10, within(1e-6));
    }

    @Test
    void countsOnlyAScoreStrictlyAboveTheUpperEdgeAsOutsideTheBand() {
        Band band = new ExpectedChangeBand(10, 0.5, 6).expectedBand(18, 2);
        assertThat(band).isEqualTo(new Band(14, 20));
        assertThat(band.isExceededBy(20)).isFalse();
        assertThat(band.isExceededBy(20.5)).isTrue();
    }

    @Test
    void refusesASessionNumberBelowOne() {
        assertThatThrownBy(() -> PHQ_9.expectedBand(20, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("numbered from 1");
    }

    @ParameterizedTest(name = "fraction {0}, tolerance {1}")
    @CsvSource({"0, 6", "1, 6", "-0.1, 6", "0.1, -1", "0.1, NaN"})
    void refusesAFractionOrToleranceOutOfRange(double fraction, double tolerance) {
        assertThatThrownBy(() -> new ExpectedChangeBand(10, fraction, tolerance)).isInstanceOf(IllegalArgumentException.class);
    }
}
