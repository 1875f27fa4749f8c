package org.rapport.measures.outcomes;

/**
 * A measure as NHS Talking Therapies uses it for outcomes: its name, its caseness cut-off (a score
 * at or above it is a clinical case) and its reliable-change value. Lower scores are better.
 * From the NHS Talking Therapies Manual (NHS England; formerly <i>The Improving Access to
 * Psychological Therapies Manual</i>, NCCMH 2018/2019), as restated by NHS Digital's outcome
 * publications and trial NCT05134103: PHQ-9 caseness ≥ 10 and reliable change ≥ 6; GAD-7 caseness
 * ≥ 8 and reliable change ≥ 4. Anxiety-disorder-specific measures (SPIN, IES-R, MI, OCI, PDSS, HAI)
 * are made the same way once their values are confirmed.
 */
public record TalkingTherapiesMeasure(String name, double casenessCutOff, ReliableChange reliableChange) {

    /** The depression measure: case at 10 or more; reliable change of 6 or more. */
    public static final TalkingTherapiesMeasure PHQ_9 = new TalkingTherapiesMeasure("PHQ-9", 10, ReliableChange.PHQ_9);

    /** The usual anxiety measure: case at 8 or more; reliable change of 4 or more. */
    public static final TalkingTherapiesMeasure GAD_7 = new TalkingTherapiesMeasure("GAD-7", 8, ReliableChange.GAD_7);

    public TalkingTherapiesMeasure {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("A measure needs a name.");
        if (!Double.isFinite(casenessCutOff)) throw new IllegalArgumentException(name + "'s caseness cut-off must be a number.");
        if (reliableChange == null) throw new IllegalArgumentException(name + " needs a reliable-change value.");
    }

    /** Whether a score is at caseness: at or above the cut-off. */
    public boolean isCase(double score) {
        ReliableChange.checkScore(score, name);
        return score >= casenessCutOff;
    }

    /** A course on this measure with both scores. */
    public MeasuredCourse scored(double first, double last) {
        return new MeasuredCourse(this, first, last);
    }

    /** A course on this measure whose last score is not in yet. */
    public MeasuredCourse scoredOnlyAtStart(double first) {
        return new MeasuredCourse(this, first, null);
    }
}
