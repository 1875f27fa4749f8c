package org.rapport.measures.outcomes;

/**
 * The score a client is expected to have reached by a given session for their intake score, with
 * a tolerance above it, for measures on which lower is better (decision record 7).
 *
 * <p>The method follows the expected-recovery-curve idea of Lambert's OQ system (Whipple, Lambert
 * et al. 2003, <i>J Couns Psychol</i> 50:59–68; OQ-Analyst implementation guidelines): the expected
 * trajectory depends on the intake score, falls fastest early and levels off, and a client whose
 * score sits above it by more than a tolerance is "not on track". OQ-Analyst's fitted curves and
 * boundaries are proprietary and no published norms for PHQ-9 or GAD-7 session-by-session change
 * were available, so Rapport uses a documented, conservative approximation:
 *
 * <pre>
 *   expected(n) = cut-off + (intake − cut-off) · (1 − f)^(n − 1)     when intake &gt; cut-off
 *   expected(n) = intake                                             otherwise
 *   upper edge  = expected(n) + tolerance
 * </pre>
 *
 * where n is the session number (the intake is session 1), f the expected improvement per session
 * as a fraction of the distance still above the caseness cut-off, and the tolerance the measure's
 * reliable-change value, so only a gap bigger than measurement error counts. With f = 0.10 half the
 * distance above the cut-off is expected to be gone by about the eighth session. The curve never
 * goes below the cut-off, so nobody is flagged for failing to improve further than recovery.
 */
public final class ExpectedChangeBand {

    /** The default expected improvement per session, as a fraction of the distance above the cut-off. */
    public static final double DEFAULT_FRACTION_PER_SESSION = 0.10;

    private final double cutOff;
    private final double fractionPerSession;
    private final double tolerance;

    /**
     * A band for a measure with this caseness cut-off, this expected fraction of the remaining
     * distance above it lost per session (above 0 and below 1), and this tolerance in points (0 or more).
     */
    public ExpectedChangeBand(double cutOff, double fractionPerSession, double tolerance) {
        if (!Double.isFinite(cutOff)) throw new IllegalArgumentException("The cut-off must be a number; it was " + cutOff + ".");
        if (!(fractionPerSession > 0 && fractionPerSession < 1)) {
            throw new IllegalArgumentException("The expected improvement per session must be a fraction above 0 and below 1; it was " + fractionPerSession + ".");
        }
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("The tolerance must be 0 or more points; it was " + tolerance + ".");
        }
        this.cutOff = cutOff;
        this.fractionPerSession = fractionPerSession;
        this.tolerance = tolerance;
    }

    /** Rapport's default band for a Talking Therapies measure: its caseness cut-off, f = 0.10 and its reliable-change value as tolerance. */
    public static ExpectedChangeBand forMeasure(TalkingTherapiesMeasure measure) {
        return new ExpectedChangeBand(measure.casenessCutOff(), DEFAULT_FRACTION_PER_SESSION, measure.reliableChange().minimumChange());
    }

    public double cutOff() {
        return cutOff;
    }

    public double fractionPerSession() {
        return fractionPerSession;
    }

    public double tolerance() {
        return tolerance;
    }

    /** The expected score and the band's upper edge at this session (the intake is session 1) for this intake score. */
    public Band expectedBand(double intake, int sessionNumber) {
        ReliableChange.checkScore(intake, "intake");
        if (sessionNumber < 1) {
            throw new IllegalArgumentException("Sessions are numbered from 1, the intake; " + sessionNumber + " is not a session number.");
        }
        double expected = intake <= cutOff ? intake
                : cutOff + (intake - cutOff) * Math.pow(1 - fractionPerSession, sessionNumber - 1);
        return new Band(expected, expected + tolerance);
    }

    @Override
    public String toString() {
        return "ExpectedChangeBand[cut-off " + cutOff + ", " + fractionPerSession + " per session, tolerance " + tolerance + "]";
    }
}
