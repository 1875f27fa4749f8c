package org.rapport.measures.outcomes;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Raises an alert when a session check-in total is below its cut-off, or lower than the previous
 * one. This mirrors OpenFIT's published dashboard rules for the Session Rating Scale (Duncan et al.
 * 2003, <i>J Brief Therapy</i> 3(1):3–12; OpenFIT "Overview of the home page dashboard alerts"):
 * an SRS total below the cut-off of 36 (of 40) is red, and a total at least 1 point lower than the
 * previous session's is red (falling alliance).
 *
 * <p>Rapport's check-in is its own, not a validated instrument: five items rated 0–10, total 0–50.
 * Its default cut-off is the SRS cut-off scaled to that range, 36/40 × 50 = 45, and a total below
 * it (strictly) alerts, as OpenFIT's {@code < cutoff}. Any drop from the previous total alerts;
 * an equal total does not. Without a previous check-in only the cut-off applies. An organisation
 * that licenses the SRS itself uses {@link #sessionRatingScale()}.
 */
public final class AllianceSlipping implements AlertPolicy {

    public static final String NAME = "Alliance slipping";

    /** The check-in's highest possible total: five items, 0–10 each. */
    public static final int CHECK_IN_MAXIMUM = 50;

    /** The SRS cut-off of 36 of 40, scaled to the check-in's 0–50. */
    public static final double CHECK_IN_CUT_OFF = 36.0 / 40 * CHECK_IN_MAXIMUM;

    /** The Session Rating Scale's own cut-off, of 40. */
    public static final double SRS_CUT_OFF = 36;

    private final String measure;
    private final double cutOff;

    /** The policy for a check-in named as helpers know it, alerting below this cut-off. */
    public AllianceSlipping(String measure, double cutOff) {
        if (measure == null || measure.isBlank()) throw new IllegalArgumentException("Name the check-in this policy watches.");
        if (!Double.isFinite(cutOff)) throw new IllegalArgumentException("The cut-off must be a number; it was " + cutOff + ".");
        this.measure = measure;
        this.cutOff = cutOff;
    }

    /** The policy for Rapport's session check-in: cut-off 45 of 50. */
    public static AllianceSlipping checkIn() {
        return new AllianceSlipping("session check-in", CHECK_IN_CUT_OFF);
    }

    /** The policy for a licensed Session Rating Scale: cut-off 36 of 40. */
    public static AllianceSlipping sessionRatingScale() {
        return new AllianceSlipping("Session Rating Scale", SRS_CUT_OFF);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String source() {
        return "OpenFIT's SRS alerts (total below 36 of 40, or lower than the previous session), scaled to the check-in's 0–50 (cut-off 45).";
    }

    public String measure() {
        return measure;
    }

    public double cutOff() {
        return cutOff;
    }

    /** An alert when the latest total is below the cut-off or lower than the previous total, if there is one. */
    public Optional<AlertReason> evaluate(double latest, @Nullable Double previous) {
        ReliableChange.checkScore(latest, "latest " + measure);
        if (previous != null) ReliableChange.checkScore(previous, "previous " + measure);
        boolean below = latest < cutOff;
        boolean dropped = previous != null && latest < previous;
        if (!below && !dropped) return Optional.empty();
        String what = below && dropped ? "is below the cut-off of " + format(cutOff) + " and lower than the previous one"
                : below ? "is below the cut-off of " + format(cutOff) : "is lower than the previous one";
        return Optional.of(new AlertReason(NAME, "The latest " + measure + " total " + what
                + ". Ask the client what could work better between you."));
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
