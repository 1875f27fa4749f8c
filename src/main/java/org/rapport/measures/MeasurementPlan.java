package org.rapport.measures;

import java.util.List;

/**
 * A relationship's measurement plan as its page shows it: the entries, the plan in one line (such
 * as "PHQ-9 every session; session check-in every session"), and whether the person reading may
 * change it.
 */
public record MeasurementPlan(List<PlanEntry> entries, String summary, boolean mayChange) {

    public MeasurementPlan {
        entries = List.copyOf(entries);
    }
}
