package org.rapport.measures.outcomes;

/**
 * Which way a measure's scores get better. Symptom measures such as the PHQ-9 (Kroenke, Spitzer
 * &amp; Williams 2001, <i>J Gen Intern Med</i> 16:606–613) and the GAD-7 (Spitzer et al. 2006,
 * <i>Arch Intern Med</i> 166:1092–1097) improve as they fall; an alliance check-in, like the
 * Session Rating Scale (Duncan et al. 2003, <i>J Brief Therapy</i> 3(1):3–12), improves as it rises.
 */
public enum ScoreDirection {

    /** Lower scores are better, as on the PHQ-9, the GAD-7 and CORE-10. */
    LOWER_IS_BETTER,

    /** Higher scores are better, as on an alliance check-in. */
    HIGHER_IS_BETTER;

    /**
     * How far the score moved in the better direction from the first to the latest score:
     * positive for an improvement, negative for a worsening, 0 for no change.
     */
    public double improvement(double first, double latest) {
        return this == LOWER_IS_BETTER ? first - latest : latest - first;
    }

    /** Whether one score is strictly worse than another on this measure. */
    public boolean isWorse(double score, double than) {
        return improvement(than, score) < 0;
    }
}
