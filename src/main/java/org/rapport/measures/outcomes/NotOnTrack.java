package org.rapport.measures.outcomes;

import java.util.Optional;

/**
 * Raises an alert when the latest score on a symptom measure (lower is better) is a reliable
 * deterioration from the first, or is worse than the expected-change band for the intake score at
 * that session. Modelled on Lambert's "not on track" signal (Whipple, Lambert et al. 2003, <i>J
 * Couns Psychol</i> 50:59–68: a client whose score deviates above the expected recovery curve
 * beyond a tolerance, or who has reliably worsened, is at risk of treatment failure) and on
 * OpenFIT's ORS rule (below the lower bound of the expected treatment response ⇒ red), with
 * reliable change from the NHS Talking Therapies Manual (PHQ-9 6, GAD-7 4) and the band of
 * {@link ExpectedChangeBand} (decision record 7).
 */
public final class NotOnTrack implements AlertPolicy {

    public static final String NAME = "Not on track";

    private final String measure;
    private final ReliableChange reliableChange;
    private final ExpectedChangeBand band;

    /** The policy for one measure, named as helpers know it (e.g. "PHQ-9"). */
    public NotOnTrack(String measure, ReliableChange reliableChange, ExpectedChangeBand band) {
        if (measure == null || measure.isBlank()) throw new IllegalArgumentException("Name the measure this policy watches.");
        if (reliableChange == null || band == null) throw new IllegalArgumentException("Not on track needs a reliable-change value and an expected-change band.");
        this.measure = measure;
        this.reliableChange = reliableChange;
        this.band = band;
    }

    /** The policy for a Talking Therapies measure, with its reliable-change value and Rapport's default band. */
    public static NotOnTrack forMeasure(TalkingTherapiesMeasure measure) {
        return new NotOnTrack(measure.name(), measure.reliableChange(), ExpectedChangeBand.forMeasure(measure));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String source() {
        return "Lambert's expected recovery curves (Whipple, Lambert et al. 2003) and NHS Talking Therapies reliable change; band method in decision record 7.";
    }

    /** The measure this policy watches. */
    public String measure() {
        return measure;
    }

    /** The band a chart draws for this intake at this session. */
    public Band expectedBand(double intake, int sessionNumber) {
        return band.expectedBand(intake, sessionNumber);
    }

    /**
     * An alert when the latest score, taken at this session (the intake being session 1), is a
     * reliable deterioration from the intake score or lies above the band's upper edge.
     */
    public Optional<AlertReason> evaluate(double intake, double latest, int sessionNumber) {
        Band expected = band.expectedBand(intake, sessionNumber);
        if (reliableChange.classify(intake, latest, ScoreDirection.LOWER_IS_BETTER) == ChangeClassification.RELIABLE_DETERIORATION) {
            return Optional.of(new AlertReason(NAME, "The latest " + measure + " score is a reliable deterioration since the first."
                    + " Review the plan with the client and in supervision."));
        }
        if (expected.isExceededBy(latest)) {
            return Optional.of(new AlertReason(NAME, "The latest " + measure + " score is above the expected-change band for session "
                    + sessionNumber + ". Review the plan with the client and in supervision."));
        }
        return Optional.empty();
    }
}
