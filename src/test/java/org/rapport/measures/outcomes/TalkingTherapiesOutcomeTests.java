package org.rapport.measures.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.measures.outcomes.TalkingTherapiesMeasure.GAD_7;
import static org.rapport.measures.outcomes.TalkingTherapiesMeasure.PHQ_9;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rapport.measures.outcomes.TalkingTherapiesOutcome.Recovery;

/**
 * NHS Talking Therapies outcomes on PHQ-9 (case ≥ 10, reliable change ≥ 6) and GAD-7 (case ≥ 8,
 * reliable change ≥ 4), with the conservative combination rules of decision record 6.
 */
class TalkingTherapiesOutcomeTests {

    static MeasuredCourse course(TalkingTherapiesMeasure measure, double first, @Nullable Double last) {
        return new MeasuredCourse(measure, first, last);
    }

    @ParameterizedTest(name = "PHQ-9 {0}→{1}, GAD-7 {2}→{3}: case {4}, {5}, {6}, reliable recovery {7}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # PHQ | →  | GAD | →  | case  | recovery            | change                 | reliable recovery
              15  | 9  | 12  | 7  | true  | RECOVERED           | RELIABLE_IMPROVEMENT   | true
              15  | 8  | 12  | 9  | true  | NOT_RECOVERED       | RELIABLE_IMPROVEMENT   | false
              9   | 9  | 10  | 5  | true  | RECOVERED           | RELIABLE_IMPROVEMENT   | true
              10  | 8  | 8   | 6  | true  | RECOVERED           | NO_RELIABLE_CHANGE     | false
              9   | 3  | 7   | 3  | false | NOT_APPLICABLE      | RELIABLE_IMPROVEMENT   | false
              9   | 9  | 7   | 7  | false | NOT_APPLICABLE      | NO_RELIABLE_CHANGE     | false
              5   | 11 | 4   | 4  | false | NOT_APPLICABLE      | RELIABLE_DETERIORATION | false
              18  | 10 | 6   | 12 | true  | NOT_RECOVERED       | RELIABLE_DETERIORATION | false
              16  | 4  | 1   | 7  | true  | RECOVERED           | RELIABLE_DETERIORATION | false
              12  | 12 | 9   | 9  | true  | NOT_RECOVERED       | NO_RELIABLE_CHANGE     | false
              9   | 15 | 8   | 8  | true  | NOT_RECOVERED       | RELIABLE_DETERIORATION | false
              15  | 10 | 12  | 9  | true  | NOT_RECOVERED       | NO_RELIABLE_CHANGE     | false
              15  | -  | 12  | 6  | true  | AWAITING_LAST_SCORE | -                      | false
              9   | -  | 7   | -  | false | NOT_APPLICABLE      | -                      | false
            """)
    void judgesAPairedCourse(double phqFirst, @Nullable Double phqLast, double gadFirst, @Nullable Double gadLast,
            boolean caseAtStart, Recovery recovery, @Nullable ChangeClassification change, boolean reliableRecovery) {
        var outcome = TalkingTherapiesOutcome.ofPair(course(PHQ_9, phqFirst, phqLast), course(GAD_7, gadFirst, gadLast));
        assertThat(outcome.isPaired()).isTrue();
        assertThat(outcome.caseAtStart()).isEqualTo(caseAtStart);
        assertThat(outcome.recovery()).isEqualTo(recovery);
        assertThat(outcome.reliableChange()).isEqualTo(Optional.ofNullable(change));
        assertThat(outcome.isReliableImprovement()).isEqualTo(change == ChangeClassification.RELIABLE_IMPROVEMENT);
        assertThat(outcome.isReliableDeterioration()).isEqualTo(change == ChangeClassification.RELIABLE_DETERIORATION);
        assertThat(outcome.isReliableRecovery()).isEqualTo(reliableRecovery);
    }

    @Test
    void reportsRecoveryAsNotApplicableRatherThanNotRecoveredWhenNotAtCasenessAtTheStart() {
        var outcome = TalkingTherapiesOutcome.ofPair(PHQ_9.scored(9, 12), GAD_7.scored(7, 9));
        assertThat(outcome.recovery()).isEqualTo(Recovery.NOT_APPLICABLE).isNotEqualTo(Recovery.NOT_RECOVERED);
        assertThat(outcome.recovery().label()).isEqualTo("Does not apply: not at caseness at the start");
    }

    @Test
    void doesNotCountRecoveryOnOneMeasureOnlyAsRecovery() {
        var outcome = TalkingTherapiesOutcome.ofPair(PHQ_9.scored(15, 8), GAD_7.scored(12, 9));
        assertThat(outcome.courses().get(0).caseAtEnd()).contains(false);
        assertThat(outcome.courses().get(1).caseAtEnd()).contains(true);
        assertThat(outcome.recovery()).isEqualTo(Recovery.NOT_RECOVERED);
        assertThat(outcome.isReliableRecovery()).isFalse();
    }

    @Test
    void neverCountsImprovementOnOneMeasureWithDeteriorationOnTheOtherAsImprovement() {
        var outcome = TalkingTherapiesOutcome.ofPair(PHQ_9.scored(18, 10), GAD_7.scored(6, 12));
        assertThat(outcome.courses().get(0).change()).contains(ChangeClassification.RELIABLE_IMPROVEMENT);
        assertThat(outcome.courses().get(1).change()).contains(ChangeClassification.RELIABLE_DETERIORATION);
        assertThat(outcome.isReliableImprovement()).isFalse();
        assertThat(outcome.isReliableDeterioration()).isTrue();
    }

    @ParameterizedTest(name = "PHQ-9 alone {0}→{1}: {2}, {3}")
    @CsvSource(nullValues = "-", value = {
            "15, 9, RECOVERED, RELIABLE_IMPROVEMENT",
            "15, 10, NOT_RECOVERED, NO_RELIABLE_CHANGE",
            "9, 15, NOT_APPLICABLE, RELIABLE_DETERIORATION",
            "10, 10, NOT_RECOVERED, NO_RELIABLE_CHANGE",
            "10, -, AWAITING_LAST_SCORE, -"})
    void judgesASingleMeasureByTheSameRules(double first, @Nullable Double last, Recovery recovery, @Nullable ChangeClassification change) {
        var outcome = TalkingTherapiesOutcome.ofSingle(course(PHQ_9, first, last));
        assertThat(outcome.isPaired()).isFalse();
        assertThat(outcome.recovery()).isEqualTo(recovery);
        assertThat(outcome.reliableChange()).isEqualTo(Optional.ofNullable(change));
    }

    @Test
    void judgesReliableRecoveryOnGad7Alone() {
        var outcome = TalkingTherapiesOutcome.ofSingle(GAD_7.scored(12, 7));
        assertThat(outcome.isReliableRecovery()).isTrue();
        assertThat(TalkingTherapiesOutcome.ofSingle(GAD_7.scored(12, 8)).recovery()).isEqualTo(Recovery.NOT_RECOVERED);
    }

    @ParameterizedTest(name = "{0} at {1}: case {2}")
    @CsvSource({"PHQ-9, 9, false", "PHQ-9, 10, true", "GAD-7, 7, false", "GAD-7, 8, true"})
    void placesCasenessAtTheCutOff(String name, double score, boolean isCase) {
        var measure = name.equals("PHQ-9") ? PHQ_9 : GAD_7;
        assertThat(measure.isCase(score)).isEqualTo(isCase);
    }

    @Test
    void refusesAPairOfTheSameMeasureOrAMissingOne() {
        assertThatThrownBy(() -> TalkingTherapiesOutcome.ofPair(PHQ_9.scored(15, 9), PHQ_9.scored(12, 9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two different measures");
        assertThatThrownBy(() -> TalkingTherapiesOutcome.ofPair(PHQ_9.scored(15, 9), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use ofSingle");
    }

    @Test
    void refusesAScoreThatIsNotANumber() {
        assertThatThrownBy(() -> PHQ_9.scored(Double.NaN, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first PHQ-9");
        assertThatThrownBy(() -> GAD_7.scored(4, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("last GAD-7");
    }
}
