package org.rapport.measures.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.measures.outcomes.AlertPolicies.ALLIANCE_SLIPPING_CHECK_IN;
import static org.rapport.measures.outcomes.AlertPolicies.NOT_ON_TRACK_GAD_7;
import static org.rapport.measures.outcomes.AlertPolicies.NOT_ON_TRACK_PHQ_9;
import static org.rapport.measures.outcomes.AlertPolicies.RISK_ITEM_ENDORSED;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The named alert policies against their published rules, at every boundary. */
class AlertPoliciesTests {

    @Test
    void listsEveryPolicyWithASourceMostUrgentFirst() {
        assertThat(AlertPolicies.all()).extracting(AlertPolicy::name)
                .containsExactly("Risk item endorsed", "Risk item not answered", "Not on track", "Not on track",
                        "Alliance slipping");
        assertThat(AlertPolicies.all()).allSatisfy(p -> assertThat(p.source()).isNotBlank());
        assertThat(AlertPolicies.namesByUrgency()).containsExactly("Risk item endorsed", "Risk item not answered",
                "Not on track", "Alliance slipping");
    }

    @Test
    void aRiskItemLeftUnansweredIsToldAndNamedOnlyWhenOneWas() {
        assertThat(AlertPolicies.RISK_ITEM_UNANSWERED.evaluate(java.util.List.of())).isEmpty();
        assertThat(AlertPolicies.RISK_ITEM_UNANSWERED.evaluate(java.util.List.of("CORE-10 item 6")).orElseThrow().reason())
                .isEqualTo("CORE-10 item 6 was left unanswered, so the score says nothing about that risk. Ask the client"
                        + " about it today.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlertPolicies.RISK_ITEM_UNANSWERED.evaluate(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class RiskItems {

        @ParameterizedTest(name = "PHQ-9 item 9 answered {0}: alert {1}")
        @CsvSource({"0, false", "1, true", "2, true", "3, true"})
        void alertsOnAnyAnswerAboveZero(int answer, boolean alerts) {
            assertThat(RISK_ITEM_ENDORSED.evaluate("PHQ-9 item 9", answer)).isEqualTo(alerts
                    ? java.util.Optional.of(new AlertReason("Risk item endorsed",
                            "PHQ-9 item 9 was answered above zero. Talk with the client about safety and complete a risk assessment today."))
                    : java.util.Optional.empty());
        }

        @Test
        void namesOnlyTheEndorsedItems() {
            var reason = RISK_ITEM_ENDORSED.evaluate(List.of(new RiskItemAnswer("PHQ-9 item 9", 0), new RiskItemAnswer("CORE-10 item 6", 2)));
            assertThat(reason).get().extracting(AlertReason::reason).asString()
                    .startsWith("CORE-10 item 6 was answered above zero").doesNotContain("PHQ-9").doesNotContain("2");
            assertThat(RISK_ITEM_ENDORSED.evaluate(List.of(new RiskItemAnswer("PHQ-9 item 9", 1), new RiskItemAnswer("CORE-10 item 6", 4))))
                    .get().extracting(AlertReason::reason).asString().startsWith("PHQ-9 item 9 and CORE-10 item 6 were answered above zero");
        }

        @Test
        void raisesNothingWithoutRiskItems() {
            assertThat(RISK_ITEM_ENDORSED.evaluate(List.of())).isEmpty();
        }

        @Test
        void refusesANegativeAnswer() {
            assertThatThrownBy(() -> RISK_ITEM_ENDORSED.evaluate("PHQ-9 item 9", -1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("starts at 0");
        }
    }

    @Nested
    class NotOnTrackRule {

        @ParameterizedTest(name = "PHQ-9 intake {0}, {1} at session {2}: {3}")
        @CsvSource(nullValues = "-", value = {
                "20, 20, 10, band",            // upper edge 19.87
                "20, 19, 10, -",
                "20, 20, 9, -",                // upper edge 20.30
                "15, 18, 6, -",                // upper edge 18.95
                "15, 18, 10, band",            // upper edge 17.94
                "15, 9, 4, -",
                "9, 15, 2, deterioration",     // a rise of 6
                "9, 14, 2, -",                 // a rise of 5; upper edge 15
                "20, 26, 2, deterioration",
                "10, 16, 1, deterioration"})
        void alertsOnReliableDeteriorationOrAScoreAboveTheBand(double intake, double latest, int session, @Nullable String why) {
            var reason = NOT_ON_TRACK_PHQ_9.evaluate(intake, latest, session);
            if (why == null) {
                assertThat(reason).isEmpty();
            } else {
                assertThat(reason).get().extracting(AlertReason::policy).isEqualTo("Not on track");
                assertThat(reason.orElseThrow().reason()).contains(why.equals("band")
                        ? "above the expected-change band for session " + session : "reliable deterioration since the first");
            }
        }

        @ParameterizedTest(name = "GAD-7 intake {0}, {1} at session {2}: alert {3}")
        @CsvSource({"16, 16, 8, true", "16, 15, 8, false", "12, 16, 2, true", "12, 15, 2, false"})
        void usesTheGad7ValuesForGad7(double intake, double latest, int session, boolean alerts) {
            assertThat(NOT_ON_TRACK_GAD_7.evaluate(intake, latest, session).isPresent()).isEqualTo(alerts);
        }

        @Test
        void offersTheBandItJudgesBy() {
            assertThat(NOT_ON_TRACK_PHQ_9.expectedBand(20, 10).upperTolerance()).isEqualTo(ExpectedChangeBand.forMeasure(TalkingTherapiesMeasure.PHQ_9).expectedBand(20, 10).upperTolerance());
        }

        @Test
        void keepsScoresOutOfTheReason() {
            assertThat(NOT_ON_TRACK_PHQ_9.evaluate(17, 23, 3).orElseThrow().reason())
                    .isEqualTo("The latest PHQ-9 score is a reliable deterioration since the first. Review the plan with the client and in supervision.");
        }
    }

    @Nested
    class Alliance {

        @ParameterizedTest(name = "check-in {0} after {1}: {2}")
        @CsvSource(nullValues = "-", value = {
                "44, -, below the cut-off of 45",
                "45, -, -",
                "50, -, -",
                "45, 46, lower than the previous one",
                "46, 46, -",
                "47, 46, -",
                "44, 46, below the cut-off of 45 and lower than the previous one",
                "44, 44, below the cut-off of 45",
                "44, 40, below the cut-off of 45"})
        void alertsBelowTheCutOffOrOnAnyDrop(double latest, @Nullable Double previous, @Nullable String why) {
            var reason = ALLIANCE_SLIPPING_CHECK_IN.evaluate(latest, previous);
            if (why == null) {
                assertThat(reason).isEmpty();
            } else {
                assertThat(reason.orElseThrow().policy()).isEqualTo("Alliance slipping");
                assertThat(reason.orElseThrow().reason()).isEqualTo("The latest session check-in total is " + why
                        + ". Ask the client what could work better between you.");
            }
        }

        @Test
        void scalesTheSrsCutOffOf36Of40ToTheCheckInsFifty() {
            assertThat(AllianceSlipping.CHECK_IN_CUT_OFF).isEqualTo(45);
            assertThat(ALLIANCE_SLIPPING_CHECK_IN.cutOff()).isEqualTo(45);
        }

        @ParameterizedTest(name = "SRS {0} after {1}: alert {2}")
        @CsvSource(nullValues = "-", value = {"35.9, -, true", "36, -, false", "37, 38, true", "38, 38, false"})
        void appliesOpenFitsRulesToALicensedSrs(double latest, @Nullable Double previous, boolean alerts) {
            assertThat(AllianceSlipping.sessionRatingScale().evaluate(latest, previous).isPresent()).isEqualTo(alerts);
        }
    }
}
