package org.rapport.measures.outcomes;

import java.util.List;
import java.util.Optional;

/**
 * Raises a risk alert when a scored measure has a risk item left unanswered. A total may be
 * prorated over a missing item (CORE-10 allows one), but a missing answer about risk is not an
 * answer of "not at all": the instruments' own guidance reads the risk item on its own, apart from
 * the total (PHQ-9 item 9: Kroenke, Spitzer &amp; Williams 2001; CORE-10 item 6: Barkham et al. 2013,
 * <i>Counselling and Psychotherapy Research</i> 13(1):3–13), so the helper is told to ask. This is
 * Rapport's own safety rule (decision record 24), not a published threshold; it ranks with risk.
 */
public final class RiskItemUnanswered implements AlertPolicy {

    public static final String NAME = "Risk item not answered";

    RiskItemUnanswered() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String source() {
        return "Rapport's safety rule (decision 24): a risk item is read on its own, apart from the total "
                + "(Kroenke et al. 2001; Barkham et al. 2013), so a missing answer is asked about, never prorated away.";
    }

    /** An alert naming the risk items left unanswered, when any was. */
    public Optional<AlertReason> evaluate(List<String> unansweredRiskItems) {
        if (unansweredRiskItems == null) throw new IllegalArgumentException("Give the unanswered risk items, or an empty list.");
        List<String> items = unansweredRiskItems.stream().distinct().toList();
        if (items.isEmpty()) return Optional.empty();
        return Optional.of(new AlertReason(NAME, String.join(" and ", items) + (items.size() == 1 ? " was" : " were")
                + " left unanswered, so the score says nothing about that risk. Ask the client about it today."));
    }
}
