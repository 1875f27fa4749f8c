package org.rapport.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rapport.shared.RuleBroken;

class InstrumentScoringTests {

    private static final ShippedInstruments shipped = new ShippedInstruments();
    private static final InstrumentDefinition PHQ_9 = shipped.find("phq-9").orElseThrow();
    private static final InstrumentDefinition GAD_7 = shipped.find("gad-7").orElseThrow();
    private static final InstrumentDefinition CHECK_IN = shipped.find("rapport-check-in").orElseThrow();
    private static final InstrumentDefinition CORE_10 = shipped.find("core-10").orElseThrow();

    /** Answers "1".."n" that add up to the total, filling the first items first and leaving the last at 0 while it can. */
    static Map<String, Integer> summingTo(int total, int items, int highest) {
        var answers = new HashMap<String, Integer>();
        int left = total;
        for (int i = 1; i <= items; i++) {
            int value = Math.min(highest, left);
            answers.put(String.valueOf(i), value);
            left -= value;
        }
        if (left != 0) throw new IllegalArgumentException("No answers add up to " + total);
        return answers;
    }

    @Nested
    class Phq9 {

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({
            "0, Minimal", "4, Minimal", "5, Mild", "9, Mild", "10, Moderate", "14, Moderate",
            "15, Moderately severe", "19, Moderately severe", "20, Severe", "27, Severe"
        })
        void placesEveryBandBoundary(int total, String band) {
            var score = PHQ_9.score(summingTo(total, 9, 3));

            assertThat(score.total()).isEqualTo(total);
            assertThat(score.band()).isEqualTo(band);
            assertThat(score.answeredItems()).isEqualTo(9);
            assertThat(score.prorated()).isFalse();
        }

        @ParameterizedTest(name = "{0} is a case: {1}")
        @CsvSource({"9, false", "10, true", "0, false", "27, true"})
        void countsTenOrMoreAsACase(int total, boolean caseness) {
            assertThat(PHQ_9.score(summingTo(total, 9, 3)).meetsCutOff()).isEqualTo(caseness);
        }

        @ParameterizedTest(name = "item 9 answered {0} raises the risk flag: {1}")
        @CsvSource({"0, false", "1, true", "2, true", "3, true"})
        void raisesTheRiskFlagForAnyAnswerToItem9AboveNotAtAll(int item9, boolean risk) {
            var answers = summingTo(0, 9, 3);
            answers.put("9", item9);

            var score = PHQ_9.score(answers);

            assertThat(score.riskEndorsed()).isEqualTo(risk);
            assertThat(score.total()).isEqualTo(item9);
            assertThat(score.meetsCutOff()).isFalse();
        }

        @Test
        void raisesNoRiskFlagForAHighTotalWithItem9AtNotAtAll() {
            var score = PHQ_9.score(summingTo(24, 9, 3));

            assertThat(score.riskEndorsed()).isFalse();
            assertThat(score.band()).isEqualTo("Severe");
        }

        @Test
        void refusesToScoreWithAnItemUnanswered() {
            var answers = summingTo(12, 9, 3);
            answers.remove("9");

            assertThatThrownBy(() -> PHQ_9.score(answers))
                    .isInstanceOf(InvalidAnswers.class)
                    .isInstanceOf(RuleBroken.class)
                    .hasMessage("Every question of Patient Health Questionnaire (PHQ-9) must be answered before it can"
                            + " be scored; question 9 is not.");
        }

        @Test
        void refusesAnAnswerTheItemDoesNotOffer() {
            var answers = summingTo(0, 9, 3);
            answers.put("3", 4);

            assertThatThrownBy(() -> PHQ_9.score(answers))
                    .isInstanceOf(InvalidAnswers.class)
                    .hasMessage("Question 3 of Patient Health Questionnaire (PHQ-9) (“Trouble falling or staying"
                            + " asleep, or sleeping too much”) cannot be answered 4; its answers are whole numbers"
                            + " from 0 to 3.");
        }

        @Test
        void refusesANegativeAnswer() {
            var answers = summingTo(0, 9, 3);
            answers.put("1", -1);

            assertThatThrownBy(() -> PHQ_9.score(answers)).isInstanceOf(InvalidAnswers.class)
                    .hasMessageStartingWith("Question 1 of").hasMessageContaining("cannot be answered -1");
        }

        @Test
        void refusesAnAnswerToAQuestionItDoesNotHave() {
            var answers = summingTo(0, 9, 3);
            answers.put("10", 1);

            assertThatThrownBy(() -> PHQ_9.score(answers))
                    .isInstanceOf(InvalidAnswers.class)
                    .hasMessage("Patient Health Questionnaire (PHQ-9) has no question '10', so that answer cannot be"
                            + " scored.");
        }

        @Test
        void refusesAnEmptySetOfAnswers() {
            assertThatThrownBy(() -> PHQ_9.score(Map.of()))
                    .isInstanceOf(InvalidAnswers.class)
                    .hasMessage("No question of Patient Health Questionnaire (PHQ-9) is answered, so it cannot be scored.");
        }

        @Test
        void spansNoughtToTwentySeven() {
            assertThat(PHQ_9.lowestTotal()).isZero();
            assertThat(PHQ_9.highestTotal()).isEqualTo(27.0);
        }
    }

    @Nested
    class Gad7 {

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({
            "0, Minimal", "4, Minimal", "5, Mild", "9, Mild", "10, Moderate", "14, Moderate", "15, Severe", "21, Severe"
        })
        void placesEveryBandBoundary(int total, String band) {
            var score = GAD_7.score(summingTo(total, 7, 3));

            assertThat(score.total()).isEqualTo(total);
            assertThat(score.band()).isEqualTo(band);
            assertThat(score.riskEndorsed()).isFalse();
        }

        @ParameterizedTest(name = "{0} is a case: {1}")
        @CsvSource({"7, false", "8, true", "9, true", "10, true"})
        void countsEightOrMoreAsACase(int total, boolean caseness) {
            assertThat(GAD_7.score(summingTo(total, 7, 3)).meetsCutOff()).isEqualTo(caseness);
        }

        @Test
        void namesEveryUnansweredQuestion() {
            var answers = summingTo(5, 7, 3);
            answers.remove("2");
            answers.put("6", null);

            assertThatThrownBy(() -> GAD_7.score(answers))
                    .isInstanceOf(InvalidAnswers.class)
                    .hasMessageEndingWith("questions 2 and 6 are not.");
        }
    }

    @Nested
    class CheckIn {

        @ParameterizedTest(name = "{0}, {1}, {2}, {3}, {4} add up to {5}; at or above the cut-off: {6}")
        @CsvSource({
            "10, 10, 10, 10, 10, 50, true",
            "9, 9, 9, 9, 9, 45, true",
            "9, 9, 9, 9, 8, 44, false",
            "0, 0, 0, 0, 0, 0, false",
            "10, 10, 10, 10, 0, 40, false"
        })
        void addsUpTheFiveRatings(int empathy, int regard, int congruence, int goal, int task, double total,
                boolean meetsCutOff) {
            var score = CHECK_IN.score(Map.of(
                    "empathy", empathy, "regard", regard, "congruence", congruence, "goal", goal, "task", task));

            assertThat(score.total()).isEqualTo(total);
            assertThat(score.meetsCutOff()).isEqualTo(meetsCutOff);
            assertThat(score.band()).isNull();
            assertThat(score.riskEndorsed()).isFalse();
        }

        @Test
        void refusesARatingAboveTen() {
            assertThatThrownBy(() -> CHECK_IN.score(
                            Map.of("empathy", 11, "regard", 5, "congruence", 5, "goal", 5, "task", 5)))
                    .isInstanceOf(InvalidAnswers.class)
                    .hasMessageContaining("Question empathy")
                    .hasMessageContaining("cannot be answered 11; its answers are whole numbers from 0 to 10");
        }
    }

    /** Four items on 0–4, the third reverse-keyed; up to one may be missing; prorated sums round half up. */
    static final InstrumentDefinition SMALL = InstrumentFormat.parse("""
            key: small
            name: Small test scale
            version: "1"
            recall-period: the last week
            validated: true
            licence: Written for these tests.
            attribution: Rapport tests.
            answer-sets:
              - key: often
                options:
                  - { code: never, display: Never, value: 0 }
                  - { code: rarely, display: Rarely, value: 1 }
                  - { code: sometimes, display: Sometimes, value: 2 }
                  - { code: often, display: Often, value: 3 }
                  - { code: always, display: Always, value: 4 }
            items:
              - { link-id: a, text: First, answers: often }
              - { link-id: b, text: Second, answers: often, risk: true }
              - { link-id: c, text: Third, answers: often, reverse-keyed: true }
              - { link-id: d, text: Fourth, answers: often }
            scoring:
              method: sum
              higher-is: worse
              max-missing: 1
              rounding: half-up
              bands:
                - { from: 0, to: 7, label: Low }
                - { from: 8, to: 16, label: High }
              cut-off: { value: 8, rule: above, meaning: More than 8 is high. }
            """);

    @Nested
    class SumWithProration {

        @ParameterizedTest(name = "a={0} b={1} c={2} d={3} → {4} (prorated: {5})")
        @CsvSource(nullValues = "-", value = {
            // c is reversed: 4 - c
            "0, 0, 4, 0, 0, false",
            "0, 0, 0, 0, 4, false",
            "4, 4, 0, 4, 16, false",
            "1, 1, 3, 1, 4, false",
            // three answered: sum × 4 / 3, half up
            "1, 1, 4, -, 3, true",   // 2 × 4/3 = 2.67 → 3
            "1, 2, 4, -, 4, true",   // 3 × 4/3 = 4
            "2, 2, 4, -, 5, true",   // 4 × 4/3 = 5.33 → 5
            "3, 3, -, 3, 12, true",  // 9 × 4/3 = 12
            "1, 0, -, 0, 1, true",   // 1 × 4/3 = 1.33 → 1
            "1, 1, -, 0, 3, true"    // 2 × 4/3 = 2.67 → 3
        })
        void reversesTheReverseKeyedItemAndProratesAMissingOne(
                Integer a, Integer b, Integer c, Integer d, double total, boolean prorated) {
            var answers = new HashMap<String, Integer>();
            answers.put("a", a);
            answers.put("b", b);
            answers.put("c", c);
            answers.put("d", d);

            var score = SMALL.score(answers);

            assertThat(score.total()).isEqualTo(total);
            assertThat(score.prorated()).isEqualTo(prorated);
            assertThat(score.answeredItems()).isEqualTo(prorated ? 3 : 4);
        }

        @Test
        void countsOnlyATotalAboveAnExclusiveCutOff() {
            assertThat(SMALL.score(Map.of("a", 4, "b", 0, "c", 4, "d", 4)).meetsCutOff()).isFalse(); // 8
            assertThat(SMALL.score(Map.of("a", 4, "b", 1, "c", 4, "d", 4)).meetsCutOff()).isTrue(); // 9
        }

        @Test
        void refusesMoreMissingItemsThanTheRuleAllows() {
            assertThatThrownBy(() -> SMALL.score(Map.of("a", 1, "b", 1)))
                    .isInstanceOf(InvalidAnswers.class)
                    .hasMessage("Small test scale can be scored with at most 1 question unanswered; questions c and d"
                            + " are not answered.");
        }

        @Test
        void raisesTheRiskFlagFromAnyRiskItem() {
            assertThat(SMALL.score(Map.of("a", 0, "b", 1, "c", 4, "d", 0)).riskEndorsed()).isTrue();
            assertThat(SMALL.score(Map.of("a", 4, "c", 0, "d", 4)).riskEndorsed()).isFalse();
        }

        @Test
        void placesAProratedTotalInItsBand() {
            assertThat(SMALL.score(Map.of("a", 2, "b", 2, "c", 2)).band()).isEqualTo("High"); // 6 × 4/3 = 8
            assertThat(SMALL.score(Map.of("a", 2, "b", 2, "c", 3)).band()).isEqualTo("Low"); // 5 × 4/3 = 6.67 → 7
        }
    }

    /** Ten items on 0–4, scored as the mean × 10, with up to one missing item. */
    static final InstrumentDefinition CLINICAL = InstrumentFormat.parse("""
            key: clinical
            name: Clinical score test scale
            version: "1"
            recall-period: the last week
            validated: true
            licence: Written for these tests.
            attribution: Rapport tests.
            answer-sets:
              - key: often
                options:
                  - { code: "0", display: Not at all, value: 0 }
                  - { code: "1", display: Only occasionally, value: 1 }
                  - { code: "2", display: Sometimes, value: 2 }
                  - { code: "3", display: Often, value: 3 }
                  - { code: "4", display: Most or all of the time, value: 4 }
            items:
              - { link-id: "1", text: One, answers: often }
              - { link-id: "2", text: Two, answers: often, reverse-keyed: true }
              - { link-id: "3", text: Three, answers: often }
              - { link-id: "4", text: Four, answers: often }
              - { link-id: "5", text: Five, answers: often }
              - { link-id: "6", text: Six, answers: often, risk: true }
              - { link-id: "7", text: Seven, answers: often }
              - { link-id: "8", text: Eight, answers: often }
              - { link-id: "9", text: Nine, answers: often }
              - { link-id: "10", text: Ten, answers: often }
            scoring:
              method: mean-times-10
              higher-is: worse
              max-missing: 1
              bands:
                - { from: 0, to: 10, label: Below the cut-off }
                - { from: 11, to: 40, label: Above the cut-off }
              cut-off: { value: 11, rule: at-or-above, meaning: Clinical range. }
              reliability: 0.9
              standard-deviation: 7.7
            """);

    @Nested
    class ClinicalScore {

        @Test
        void scoresTenItemsSummingToTwentyAsTwenty() {
            // item 2 is reversed: answered 2, it still scores 2
            var answers = new HashMap<String, Integer>(Map.of(
                    "1", 4, "2", 2, "3", 4, "4", 4, "5", 4, "6", 2, "7", 0, "8", 0, "9", 0, "10", 0));

            var score = CLINICAL.score(answers);

            assertThat(score.total()).isEqualTo(20.0);
            assertThat(score.prorated()).isFalse();
            assertThat(score.meetsCutOff()).isTrue();
            assertThat(score.band()).isEqualTo("Above the cut-off");
        }

        @Test
        void proratesNineItemsSummingToEighteenToTwenty() {
            var answers = new HashMap<String, Integer>(Map.of(
                    "1", 2, "2", 2, "3", 2, "4", 2, "5", 2, "6", 2, "7", 2, "8", 2, "9", 2));

            var score = CLINICAL.score(answers);

            assertThat(score.total()).isEqualTo(20.0);
            assertThat(score.prorated()).isTrue();
            assertThat(score.answeredItems()).isEqualTo(9);
            assertThat(score.riskEndorsed()).isTrue();
        }

        @Test
        void keepsTheFractionOfAProratedClinicalScore() {
            // nine answered summing to 10 (item 2 answered 4 scores 0): 10 × 10 / 9 = 11.11
            var answers = new HashMap<String, Integer>(Map.of(
                    "1", 4, "2", 4, "3", 4, "4", 2, "5", 0, "6", 0, "7", 0, "8", 0, "9", 0));

            var score = CLINICAL.score(answers);

            assertThat(score.total()).isCloseTo(11.111, org.assertj.core.api.Assertions.within(0.001));
            assertThat(score.meetsCutOff()).isTrue();
            assertThat(score.band()).isEqualTo("Above the cut-off");
            assertThat(score.riskEndorsed()).isFalse();
        }

        @Test
        void placesAProratedScoreAtTheTopOfABandInThatBand() {
            // nine answered, item 2 answered 3 scores 1: 9 × 10 / 9 = 10
            var answers = new HashMap<String, Integer>(Map.of(
                    "1", 1, "2", 3, "3", 1, "4", 1, "5", 1, "6", 1, "7", 1, "8", 1, "9", 1));

            var score = CLINICAL.score(answers);

            assertThat(score.total()).isEqualTo(10.0);
            assertThat(score.band()).isEqualTo("Below the cut-off");
            assertThat(score.meetsCutOff()).isFalse();
        }

        @Test
        void refusesTwoMissingItems() {
            assertThatThrownBy(() -> CLINICAL.score(Map.of("1", 2, "2", 2, "3", 2, "4", 2, "5", 2, "6", 2, "7", 2,
                            "8", 2)))
                    .isInstanceOf(InvalidAnswers.class)
                    .hasMessageContaining("at most 1 question unanswered; questions 9 and 10 are not answered");
        }

        @Test
        void keepsTheReliabilityAndStandardDeviationForReliableChange() {
            assertThat(CLINICAL.scoring().reliability()).isEqualTo(0.9);
            assertThat(CLINICAL.scoring().standardDeviation()).isEqualTo(7.7);
            assertThat(CLINICAL.scoring().reliableChange()).isNull();
            assertThat(CLINICAL.highestTotal()).isEqualTo(40.0);
        }
    }

    /**
     * CORE-10: items 0–4, items 2 and 3 reversed, clinical score = mean of the answered items × 10,
     * one item may be left out (prorated), cut-off 11, item 6 the risk item (measures.md 5.4).
     */
    @Nested
    class Core10 {

        /** Ten answers whose scored values (after reversing items 2 and 3) add up to the total. */
        Map<String, Integer> scoringTo(int total) {
            var scored = summingTo(total, 10, 4);
            // item 6 is the risk item: keep it at 0 unless a test says otherwise, moving its points to item 10
            int item6 = scored.put("6", 0);
            if (item6 > 0) scored.put("10", scored.get("10") + item6);
            if (scored.get("10") > 4) throw new IllegalArgumentException("No risk-free answers score " + total);
            var answers = new HashMap<>(scored);
            answers.put("2", 4 - scored.get("2"));
            answers.put("3", 4 - scored.get("3"));
            return answers;
        }

        @ParameterizedTest(name = "{0} is {1}, in the clinical range: {2}")
        @CsvSource({
            "0, Healthy, false", "5, Healthy, false", "6, Low level, false", "10, Low level, false",
            "11, Mild, true", "14, Mild, true", "15, Moderate, true", "19, Moderate, true",
            "20, Moderate to severe, true", "24, Moderate to severe, true", "25, Severe, true", "36, Severe, true"
        })
        void placesEveryBandBoundaryAndTheCutOffOfEleven(int total, String band, boolean clinical) {
            var score = CORE_10.score(scoringTo(total));

            assertThat(score.total()).isEqualTo(total);
            assertThat(score.band()).isEqualTo(band);
            assertThat(score.meetsCutOff()).isEqualTo(clinical);
            assertThat(score.riskEndorsed()).isFalse();
            assertThat(score.prorated()).isFalse();
        }

        @Test
        void reversesItemsTwoAndThree() {
            // someone to turn to and able to cope "most or all of the time" add nothing; "not at all" adds 4 each
            var allWell = new HashMap<String, Integer>();
            for (int i = 1; i <= 10; i++) allWell.put(String.valueOf(i), 0);
            allWell.put("2", 4);
            allWell.put("3", 4);
            var noSupport = new HashMap<>(allWell);
            noSupport.put("2", 0);
            noSupport.put("3", 0);

            assertThat(CORE_10.score(allWell).total()).isEqualTo(0.0);
            assertThat(CORE_10.score(noSupport).total()).isEqualTo(8.0);
        }

        @Test
        void scoresEveryAnswerAtItsHighestAsForty() {
            var worst = new HashMap<String, Integer>();
            for (int i = 1; i <= 10; i++) worst.put(String.valueOf(i), 4);
            worst.put("2", 0);
            worst.put("3", 0);

            var score = CORE_10.score(worst);

            assertThat(score.total()).isEqualTo(40.0);
            assertThat(score.band()).isEqualTo("Severe");
            assertThat(score.riskEndorsed()).isTrue();
        }

        @Test
        void proratesOneItemLeftOut() {
            // nine answered, scored values 2+1+1+2+2+0+2+2+2 = 14 (items 2 and 3 answered 3): 14 × 10 / 9 = 15.56
            var answers = new HashMap<String, Integer>(Map.of(
                    "1", 2, "2", 3, "3", 3, "4", 2, "5", 2, "6", 0, "7", 2, "8", 2, "9", 2));

            var score = CORE_10.score(answers);

            assertThat(score.total()).isCloseTo(15.556, org.assertj.core.api.Assertions.within(0.001));
            assertThat(score.prorated()).isTrue();
            assertThat(score.answeredItems()).isEqualTo(9);
            assertThat(score.band()).isEqualTo("Moderate");
            assertThat(score.riskItemUnanswered()).as("item 10 left out, the risk item answered").isFalse();
        }

        @Test
        void proratesOverTheRiskItemLeftOutButSaysItWasNotAnswered() {
            // nine answered without item 6 (the risk item): 2+1+1+2+2+2+2+2+2 = 16; 16 × 10 / 9 = 17.78
            var answers = new HashMap<String, Integer>(Map.of(
                    "1", 2, "2", 3, "3", 3, "4", 2, "5", 2, "7", 2, "8", 2, "9", 2, "10", 2));

            var score = CORE_10.score(answers);

            assertThat(score.total()).isCloseTo(17.778, org.assertj.core.api.Assertions.within(0.001));
            assertThat(score.prorated()).isTrue();
            assertThat(score.riskItemUnanswered()).isTrue();
            assertThat(score.riskEndorsed()).as("nothing endorsed: nothing was answered").isFalse();
        }

        @Test
        void refusesTwoItemsLeftOut() {
            assertThatThrownBy(() -> CORE_10.score(Map.of("1", 2, "2", 2, "3", 2, "4", 2, "5", 2, "6", 0, "7", 2,
                            "8", 2)))
                    .isInstanceOf(InvalidAnswers.class)
                    .hasMessageContaining("questions 9 and 10 are not answered");
        }

        @ParameterizedTest(name = "item 6 answered {0} raises the risk flag: {1}")
        @CsvSource({"0, false", "1, true", "4, true"})
        void raisesTheRiskFlagForAnyPlanToEndTheirLife(int item6, boolean risk) {
            var answers = scoringTo(0);
            answers.put("6", item6);

            var score = CORE_10.score(answers);

            assertThat(score.riskEndorsed()).isEqualTo(risk);
            assertThat(score.total()).isEqualTo(item6);
        }

        @Test
        void countsSixPointsAsReliableChange() {
            assertThat(CORE_10.scoring().reliableChange()).isEqualTo(6.0);
        }
    }
}
