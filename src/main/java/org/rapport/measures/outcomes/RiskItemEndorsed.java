package org.rapport.measures.outcomes;

import java.util.List;
import java.util.Optional;

/**
 * Raises an alert when any risk item is answered above zero, whatever the total score. The
 * convention for PHQ-9 item 9 (thoughts of being better off dead or of self-harm): any answer other
 * than "not at all" calls for a same-day, clinician-completed risk assessment (e.g. C-SSRS)
 * independent of the total (Kroenke, Spitzer &amp; Williams 2001, <i>J Gen Intern Med</i>
 * 16:606–613; Simon et al. 2013, <i>Psychiatric Services</i> 64(12):1195–1202: one-year risk of a
 * suicide attempt rose from 0.4% at "not at all" to 4% at "nearly every day"). The alert routes to
 * a person; it never decides a crisis outcome. CORE-10's risk item is treated the same way.
 */
public final class RiskItemEndorsed implements AlertPolicy {

    public static final String NAME = "Risk item endorsed";

    RiskItemEndorsed() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String source() {
        return "PHQ-9 item 9 convention: any answer above \"not at all\" calls for a same-day risk assessment (Kroenke et al. 2001; Simon et al. 2013).";
    }

    /** An alert naming the endorsed items when any answer is above zero. */
    public Optional<AlertReason> evaluate(List<RiskItemAnswer> answers) {
        if (answers == null) throw new IllegalArgumentException("Give the risk items' answers, or an empty list when there are none.");
        List<String> endorsed = answers.stream().filter(a -> a.value() > 0).map(RiskItemAnswer::item).distinct().toList();
        if (endorsed.isEmpty()) return Optional.empty();
        String which = String.join(" and ", endorsed);
        return Optional.of(new AlertReason(NAME, which + (endorsed.size() == 1 ? " was" : " were")
                + " answered above zero. Talk with the client about safety and complete a risk assessment today."));
    }

    /** The same for a single risk item. */
    public Optional<AlertReason> evaluate(String item, int value) {
        return evaluate(List.of(new RiskItemAnswer(item, value)));
    }
}
