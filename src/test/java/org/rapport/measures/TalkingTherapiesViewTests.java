package org.rapport.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.measures.outcomes.ChangeClassification;
import org.rapport.measures.outcomes.TalkingTherapiesOutcome.Recovery;

/** Recovery and reliable recovery of a paired PHQ-9 and GAD-7, in the words the pages and API show. */
class TalkingTherapiesViewTests {

    static ScoreView scores(String key, double... totals) {
        List<ScoredAdministration> list = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            list.add(new ScoredAdministration(new AdministrationId(UUID.randomUUID()), Instant.parse("2026-03-01T10:00:00Z").plusSeconds(86400L * 7 * i),
                    totals[i], null, false, false, EnteredBy.CLIENT));
        }
        return new ScoreView(key, key.toUpperCase(), null, list, null);
    }

    static TalkingTherapiesView pair(double[] phq, double[] gad) {
        return TalkingTherapiesView.of(List.of(scores("phq-9", phq), scores("gad-7", gad))).orElseThrow();
    }

    @Test
    void isReliablyRecoveredWhenBothEndBelowCasenessWithAReliableImprovement() {
        TalkingTherapiesView view = pair(new double[] {16, 10, 4}, new double[] {12, 5});

        assertThat(view.caseAtStart()).isTrue();
        assertThat(view.recovery()).isEqualTo("Recovered");
        assertThat(view.reliableChange()).isEqualTo("Reliable improvement");
        assertThat(view.reliableRecovery()).isEqualTo("Reliably recovered");
        assertThat(view.reliablyRecovered()).isTrue();
        assertThat(view.firstAndLatest()).containsExactly("PHQ-9 16 → 4", "GAD-7 12 → 5");
    }

    @Test
    void saysRecoveryDoesNotApplyWhenNeitherStartedAtCaseness() {
        TalkingTherapiesView view = pair(new double[] {9, 2}, new double[] {7, 1});

        assertThat(view.caseAtStart()).isFalse();
        assertThat(view.recoveryStatus()).isEqualTo(Recovery.NOT_APPLICABLE);
        assertThat(view.recovery()).isEqualTo("Does not apply: not at caseness at the start");
        assertThat(view.reliableRecovery()).isEqualTo("Does not apply: not at caseness at the start");
        assertThat(view.reliableChange()).as("still judged").isEqualTo("Reliable improvement");
        assertThat(view.reliablyRecovered()).isFalse();
    }

    @Test
    void isNotRecoveredWhenRecoveredOnOneMeasureOnly() {
        TalkingTherapiesView view = pair(new double[] {16, 4}, new double[] {12, 9});

        assertThat(view.recovery()).isEqualTo("Not recovered");
        assertThat(view.reliableRecovery()).isEqualTo("Not reliably recovered");
    }

    @Test
    void isRecoveredButNotReliablyWhenTheOtherMeasureReliablyDeteriorated() {
        TalkingTherapiesView view = pair(new double[] {16, 4}, new double[] {1, 7});

        assertThat(view.recovery()).isEqualTo("Recovered");
        assertThat(view.reliableChangeStatus()).isEqualTo(ChangeClassification.RELIABLE_DETERIORATION);
        assertThat(view.reliableRecovery()).isEqualTo("Not reliably recovered: recovered without a reliable improvement");
    }

    @Test
    void isNotKnownYetUntilEachMeasureHasALaterScore() {
        TalkingTherapiesView view = pair(new double[] {16, 4}, new double[] {12});

        assertThat(view.recovery()).isEqualTo("Not known yet: no last score");
        assertThat(view.reliableChange()).isNull();
        assertThat(view.firstAndLatest()).containsExactly("PHQ-9 16 → 4", "GAD-7 12 (no later score yet)");
    }

    @Test
    void judgesNothingWithoutThePair() {
        assertThat(TalkingTherapiesView.of(List.of(scores("phq-9", 16, 4)))).isEmpty();
        assertThat(TalkingTherapiesView.of(List.of(scores("phq-9", 16, 4), scores("gad-7")))).isEmpty();
        assertThat(TalkingTherapiesView.of(List.of())).isEmpty();
    }
}
