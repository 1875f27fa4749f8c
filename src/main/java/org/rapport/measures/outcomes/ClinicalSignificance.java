package org.rapport.measures.outcomes;

/**
 * Clinically significant change after Jacobson &amp; Truax (1991, "Clinical significance: a
 * statistical approach to defining meaningful change in psychotherapy research", <i>J Consult Clin
 * Psychol</i> 59(1):12–19, p. 13–15), as implemented in {@code AWKruijt/JT-RCI} and Bauer, Lambert
 * &amp; Nielsen (2004, <i>J Pers Assess</i> 82(1):60–70). With lower scores better:
 *
 * <ul>
 * <li><b>a</b> = M<sub>dys</sub> − 2·SD<sub>dys</sub>: beyond two standard deviations of the
 * dysfunctional (clinical) mean; the choice when there are no normative data;</li>
 * <li><b>b</b> = M<sub>func</sub> + 2·SD<sub>func</sub>: within two standard deviations of the
 * functional mean, using the functional SD (CRAN {@code clinicalsignificance}'s
 * {@code calc_cutoff.R} wrongly uses the clinical SD here);</li>
 * <li><b>c</b> = (SD<sub>dys</sub>·M<sub>func</sub> + SD<sub>func</sub>·M<sub>dys</sub>) /
 * (SD<sub>dys</sub> + SD<sub>func</sub>): nearer the functional than the dysfunctional mean;
 * preferred when the distributions overlap. CORE-10's norms (general population M 4.7, SD 4.8;
 * primary-care counselling M 19.7, SD 7.7) give c = 10.46, beside its published cut-off of 11.</li>
 * </ul>
 *
 * When higher scores are better the signs of a and b flip; c is the same. The categories:
 * <i>recovered</i> = reliable improvement and moved from the clinical side of the cut-off to the
 * functional side; <i>improved</i> = reliable improvement without that crossing (including a
 * first score already on the functional side); <i>unchanged</i>; <i>deteriorated</i> = reliable
 * change the worse way. A score exactly on the cut-off counts as on the clinical side: J&amp;T ask
 * for a score beyond it.
 */
public record ClinicalSignificance(double cutOff, ScoreDirection direction, ReliableChange reliableChange) {

    public ClinicalSignificance {
        if (!Double.isFinite(cutOff)) throw new IllegalArgumentException("The cut-off must be a number; it was " + cutOff + ".");
    }

    /** Cut-off a, from the dysfunctional (clinical) sample alone. */
    public static double cutOffA(double dysfunctionalMean, double dysfunctionalSd, ScoreDirection direction) {
        checkSd(dysfunctionalSd, "dysfunctional");
        return direction == ScoreDirection.LOWER_IS_BETTER ? dysfunctionalMean - 2 * dysfunctionalSd : dysfunctionalMean + 2 * dysfunctionalSd;
    }

    /** Cut-off b, from the functional (normative) sample alone. */
    public static double cutOffB(double functionalMean, double functionalSd, ScoreDirection direction) {
        checkSd(functionalSd, "functional");
        return direction == ScoreDirection.LOWER_IS_BETTER ? functionalMean + 2 * functionalSd : functionalMean - 2 * functionalSd;
    }

    /** Cut-off c, the SD-weighted point between the functional and dysfunctional means. */
    public static double cutOffC(double dysfunctionalMean, double dysfunctionalSd, double functionalMean, double functionalSd) {
        checkSd(dysfunctionalSd, "dysfunctional");
        checkSd(functionalSd, "functional");
        return (dysfunctionalSd * functionalMean + functionalSd * dysfunctionalMean) / (dysfunctionalSd + functionalSd);
    }

    /** Whether a score lies beyond the cut-off on the functional side. */
    public boolean isFunctional(double score) {
        ReliableChange.checkScore(score, "given");
        return direction == ScoreDirection.LOWER_IS_BETTER ? score < cutOff : score > cutOff;
    }

    /** Which of Jacobson &amp; Truax's four categories the change from the first to the latest score falls in. */
    public ClinicalSignificanceCategory classify(double first, double latest) {
        return switch (reliableChange.classify(first, latest, direction)) {
            case RELIABLE_DETERIORATION -> ClinicalSignificanceCategory.DETERIORATED;
            case NO_RELIABLE_CHANGE -> ClinicalSignificanceCategory.UNCHANGED;
            case RELIABLE_IMPROVEMENT -> !isFunctional(first) && isFunctional(latest)
                    ? ClinicalSignificanceCategory.RECOVERED : ClinicalSignificanceCategory.IMPROVED;
        };
    }

    private static void checkSd(double sd, String sample) {
        if (!(sd > 0) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("The " + sample + " sample's standard deviation must be a positive number; it was " + sd + ".");
        }
    }
}
