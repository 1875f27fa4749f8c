package org.rapport.measures.outcomes;

import java.util.List;

/**
 * Every alert policy Rapport applies to measures, in one place, in the order the caseload ranks
 * them (risk first, then not on track, then alliance slipping). Lapsing and an overdue agreement
 * review are raised by the daily {@code alerts.AlertSweep} (sessions' {@code LapsingConditions},
 * alerts' {@code ReviewOverdueConditions}; decision record 8) and rank after these.
 *
 * <ul>
 * <li>{@link RiskItemEndorsed} — any risk item answered above zero: the PHQ-9 item 9 convention of a
 * same-day risk assessment whatever the total (Kroenke, Spitzer &amp; Williams 2001, <i>J Gen Intern
 * Med</i> 16:606–613; Simon et al. 2013, <i>Psychiatric Services</i> 64(12):1195–1202).</li>
 * <li>{@link RiskItemUnanswered} — a scored measure with a risk item left unanswered: the risk item
 * is read on its own, so a missing answer is asked about, never prorated away (decision record 24).</li>
 * <li>{@link NotOnTrack} — the latest score is a reliable deterioration from the first (NHS Talking
 * Therapies Manual: PHQ-9 6, GAD-7 4) or above the expected-change band for the intake score
 * (after Lambert's expected recovery curves, Whipple, Lambert et al. 2003, <i>J Couns Psychol</i>
 * 50:59–68; method in decision record 7).</li>
 * <li>{@link AllianceSlipping} — a check-in total below its cut-off or lower than the previous one
 * (OpenFIT's SRS dashboard rules, SRS of Duncan et al. 2003, <i>J Brief Therapy</i> 3(1):3–12;
 * cut-off 36 of 40 scaled to 45 of 50).</li>
 * </ul>
 */
public final class AlertPolicies {

    public static final RiskItemEndorsed RISK_ITEM_ENDORSED = new RiskItemEndorsed();

    public static final RiskItemUnanswered RISK_ITEM_UNANSWERED = new RiskItemUnanswered();

    public static final NotOnTrack NOT_ON_TRACK_PHQ_9 = NotOnTrack.forMeasure(TalkingTherapiesMeasure.PHQ_9);

    public static final NotOnTrack NOT_ON_TRACK_GAD_7 = NotOnTrack.forMeasure(TalkingTherapiesMeasure.GAD_7);

    public static final AllianceSlipping ALLIANCE_SLIPPING_CHECK_IN = AllianceSlipping.checkIn();

    private AlertPolicies() {
    }

    /** The built-in policies, most urgent first. */
    public static List<AlertPolicy> all() {
        return List.of(RISK_ITEM_ENDORSED, RISK_ITEM_UNANSWERED, NOT_ON_TRACK_PHQ_9, NOT_ON_TRACK_GAD_7,
                ALLIANCE_SLIPPING_CHECK_IN);
    }

    /** The policies' names, most urgent first: the order in which the caseload ranks their alerts. */
    public static List<String> namesByUrgency() {
        return List.of(RiskItemEndorsed.NAME, RiskItemUnanswered.NAME, NotOnTrack.NAME, AllianceSlipping.NAME);
    }
}
