package org.rapport.measures.outcomes;

/**
 * How big a change between two scores must be before it is more than measurement error. Two
 * published ways:
 *
 * <ul>
 * <li><b>A fixed value</b>, as the NHS Talking Therapies Manual (NHS England; formerly <i>The
 * Improving Access to Psychological Therapies Manual</i>, NCCMH 2018/2019) gives it: a change of
 * at least 6 points on the PHQ-9 and at least 4 on the GAD-7. A change exactly equal to the value
 * counts ("a change of ≥ 6").</li>
 * <li><b>Jacobson &amp; Truax</b> (1991, <i>J Consult Clin Psychol</i> 59(1):12–19, with the
 * Christensen &amp; Mendoza 1986 correction): SE = SD·√(1 − r), S<sub>diff</sub> = √2·SE,
 * RC = (x₂ − x₁) / S<sub>diff</sub>, and the change is reliable when |RC| &gt; 1.96, strictly
 * (p &lt; .05, two-tailed). So the smallest reliable raw change is 1.96·S<sub>diff</sub>: with SD 5
 * and r .84, SE 2, S<sub>diff</sub> 2.83 and 5.54 points.</li>
 * </ul>
 *
 * Scores are doubles because prorated totals (CORE-10) may be fractional. For fixed values a
 * difference within 10⁻⁹ of the value counts as equal, so rounding in a prorated total never
 * decides a boundary.
 */
public abstract sealed class ReliableChange permits ReliableChange.FixedValue, ReliableChange.JacobsonTruax {

    /** The PHQ-9's reliable-change value in NHS Talking Therapies: a change of 6 points or more. */
    public static final ReliableChange PHQ_9 = fixedValue(6);

    /** The GAD-7's reliable-change value in NHS Talking Therapies: a change of 4 points or more. */
    public static final ReliableChange GAD_7 = fixedValue(4);

    /** The two-tailed 5% critical value of the standard normal distribution. */
    public static final double CRITICAL_INDEX = 1.96;

    static final double ROUNDING = 1e-9;

    private ReliableChange() {
    }

    /** A change of at least this many points, in either direction, is reliable. */
    public static ReliableChange fixedValue(double points) {
        return new FixedValue(points);
    }

    /**
     * The Jacobson &amp; Truax reliable change index from the measure's standard deviation (of the
     * pre-treatment or a normative clinical sample) and its reliability (test–retest or α).
     */
    public static ReliableChange jacobsonTruax(double standardDeviation, double reliability) {
        return new JacobsonTruax(standardDeviation, reliability);
    }

    /** The smallest raw change that is reliable; for Jacobson &amp; Truax, 1.96·S<sub>diff</sub>, itself just short of reliable. */
    public abstract double minimumChange();

    /** Whether a change of this size (either sign) is more than measurement error. */
    public abstract boolean isReliable(double change);

    /** Whether the change from the first to the latest score is a reliable improvement, a reliable deterioration or neither. */
    public ChangeClassification classify(double first, double latest, ScoreDirection direction) {
        checkScore(first, "first");
        checkScore(latest, "latest");
        double improvement = direction.improvement(first, latest);
        if (!isReliable(improvement)) return ChangeClassification.NO_RELIABLE_CHANGE;
        return improvement > 0 ? ChangeClassification.RELIABLE_IMPROVEMENT : ChangeClassification.RELIABLE_DETERIORATION;
    }

    static void checkScore(double score, String which) {
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("The " + which + " score must be a number; it was " + score + ".");
        }
    }

    /** A fixed reliable-change value, met by a change of at least that many points. */
    public static final class FixedValue extends ReliableChange {

        private final double points;

        FixedValue(double points) {
            if (!(points > 0) || !Double.isFinite(points)) {
                throw new IllegalArgumentException("A reliable-change value must be a positive number of points; it was " + points + ".");
            }
            this.points = points;
        }

        @Override
        public double minimumChange() {
            return points;
        }

        @Override
        public boolean isReliable(double change) {
            return Math.abs(change) >= points - ROUNDING;
        }

        @Override
        public String toString() {
            return "a change of at least " + points + " points";
        }
    }

    /** Jacobson &amp; Truax's reliable change index, reliable when |RC| &gt; 1.96. */
    public static final class JacobsonTruax extends ReliableChange {

        private final double standardDeviation;
        private final double reliability;

        JacobsonTruax(double standardDeviation, double reliability) {
            if (!(standardDeviation > 0) || !Double.isFinite(standardDeviation)) {
                throw new IllegalArgumentException("The standard deviation must be a positive number; it was " + standardDeviation + ".");
            }
            if (!(reliability >= 0 && reliability < 1)) {
                throw new IllegalArgumentException("The reliability must be at least 0 and below 1; it was " + reliability + ".");
            }
            this.standardDeviation = standardDeviation;
            this.reliability = reliability;
        }

        /** SE = SD·√(1 − r). */
        public double standardError() {
            return standardDeviation * Math.sqrt(1 - reliability);
        }

        /** S<sub>diff</sub> = √(2·SE²). */
        public double standardErrorOfDifference() {
            return Math.sqrt(2) * standardError();
        }

        /** RC = (latest − first) / S<sub>diff</sub>: positive when the score rose. */
        public double index(double first, double latest) {
            checkScore(first, "first");
            checkScore(latest, "latest");
            return (latest - first) / standardErrorOfDifference();
        }

        @Override
        public double minimumChange() {
            return CRITICAL_INDEX * standardErrorOfDifference();
        }

        @Override
        public boolean isReliable(double change) {
            return Math.abs(change / standardErrorOfDifference()) > CRITICAL_INDEX;
        }

        @Override
        public String toString() {
            return "Jacobson–Truax with SD " + standardDeviation + " and reliability " + reliability;
        }
    }
}
