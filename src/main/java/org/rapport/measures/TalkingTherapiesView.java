package org.rapport.measures;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rapport.measures.outcomes.ChangeClassification;
import org.rapport.measures.outcomes.MeasuredCourse;
import org.rapport.measures.outcomes.TalkingTherapiesMeasure;
import org.rapport.measures.outcomes.TalkingTherapiesOutcome;
import org.rapport.measures.outcomes.TalkingTherapiesOutcome.Recovery;

/**
 * Recovery and reliable recovery as NHS Talking Therapies defines them, for a relationship where
 * both PHQ-9 and GAD-7 have been given: judged from the first and latest score of each (decision
 * record 6), in the words the docs use.
 *
 * @param caseAtStart whether either first score was at caseness (PHQ-9 10 or more, GAD-7 8 or more)
 * @param recovery "Recovered", "Not recovered", "Does not apply: not at caseness at the start" or
 *        "Not known yet: no last score"
 * @param reliableChange the combined reliable change (a reliable rise on either measure is a reliable
 *        deterioration), or null until each measure has a second score
 * @param reliableRecovery "Reliably recovered", "Not reliably recovered", or the same "does not apply"
 *        and "not known yet" as recovery
 * @param firstAndLatest each measure's first and latest totals, e.g. "PHQ-9 16 → 7"
 */
public record TalkingTherapiesView(boolean caseAtStart, Recovery recoveryStatus, String recovery,
        @Nullable ChangeClassification reliableChangeStatus, @Nullable String reliableChange, boolean reliablyRecovered,
        String reliableRecovery, List<String> firstAndLatest) {

    static final String PHQ_9 = "phq-9";
    static final String GAD_7 = "gad-7";

    public TalkingTherapiesView {
        firstAndLatest = List.copyOf(firstAndLatest);
    }

    /** The outcome of a relationship's scores, when both PHQ-9 and GAD-7 have at least one; empty otherwise. */
    public static Optional<TalkingTherapiesView> of(List<ScoreView> scores) {
        Optional<ScoreView> phq = find(scores, PHQ_9);
        Optional<ScoreView> gad = find(scores, GAD_7);
        if (phq.isEmpty() || gad.isEmpty()) return Optional.empty();
        TalkingTherapiesOutcome outcome = TalkingTherapiesOutcome.ofPair(course(TalkingTherapiesMeasure.PHQ_9, phq.get()),
                course(TalkingTherapiesMeasure.GAD_7, gad.get()));
        Recovery recovery = outcome.recovery();
        ChangeClassification change = outcome.reliableChange().orElse(null);
        boolean reliably = outcome.isReliableRecovery();
        String reliableRecovery = switch (recovery) {
            case RECOVERED -> reliably ? "Reliably recovered" : "Not reliably recovered: recovered without a reliable improvement";
            case NOT_RECOVERED -> "Not reliably recovered";
            case NOT_APPLICABLE, AWAITING_LAST_SCORE -> recovery.label();
        };
        return Optional.of(new TalkingTherapiesView(outcome.caseAtStart(), recovery, recovery.label(), change,
                change == null ? null : change.label(), reliably, reliableRecovery,
                List.of(line("PHQ-9", phq.get()), line("GAD-7", gad.get()))));
    }

    private static Optional<ScoreView> find(List<ScoreView> scores, String key) {
        return scores.stream().filter(v -> v.instrumentKey().equals(key) && !v.scores().isEmpty()).findFirst();
    }

    private static MeasuredCourse course(TalkingTherapiesMeasure measure, ScoreView view) {
        List<ScoredAdministration> s = view.scores();
        double first = s.get(0).total();
        return s.size() < 2 ? measure.scoredOnlyAtStart(first) : measure.scored(first, s.get(s.size() - 1).total());
    }

    private static String line(String name, ScoreView view) {
        List<ScoredAdministration> s = view.scores();
        return s.size() < 2 ? name + " " + s.get(0).totalText() + " (no later score yet)"
                : name + " " + s.get(0).totalText() + " → " + s.get(s.size() - 1).totalText();
    }
}
