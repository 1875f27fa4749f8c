package org.rapport.endings;

import java.time.LocalDate;
import java.util.Map;

/**
 * The endings of a period (both days included) among the relationships the person sees: how many
 * planned, how many unplanned, how many of those dropped out, and each reason's count by its code.
 */
public record EndingsSummary(LocalDate from, LocalDate to, int planned, int unplanned, int droppedOut,
        Map<String, Integer> plannedByReason, Map<String, Integer> unplannedByReason) {

    public EndingsSummary {
        plannedByReason = Map.copyOf(plannedByReason);
        unplannedByReason = Map.copyOf(unplannedByReason);
    }
}
