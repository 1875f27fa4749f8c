package org.rapport.measures.outcomes;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The first and last scores of one measure over a course of work, as NHS Talking Therapies pairs
 * them ("first and last scores on the condition-appropriate questionnaires"; NHS Talking Therapies
 * Manual, restated by NHS Digital's outcome publications). The last score is absent until a second
 * score exists.
 */
public record MeasuredCourse(TalkingTherapiesMeasure measure, double first, @Nullable Double last) {

    public MeasuredCourse {
        if (measure == null) throw new IllegalArgumentException("A course needs its measure.");
        ReliableChange.checkScore(first, "first " + measure.name());
        if (last != null) ReliableChange.checkScore(last, "last " + measure.name());
    }

    /** Whether there is a last score to pair with the first. */
    public boolean hasLast() {
        return last != null;
    }

    /** Whether the first score is at caseness. */
    public boolean caseAtStart() {
        return measure.isCase(first);
    }

    /** Whether the last score is at caseness; empty without a last score. */
    public Optional<Boolean> caseAtEnd() {
        return last == null ? Optional.empty() : Optional.of(measure.isCase(last));
    }

    /** Reliable change from the first to the last score; empty without a last score. */
    public Optional<ChangeClassification> change() {
        return last == null ? Optional.empty()
                : Optional.of(measure.reliableChange().classify(first, last, ScoreDirection.LOWER_IS_BETTER));
    }
}
