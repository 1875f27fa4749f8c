package org.rapport.endings;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The close-unplanned form for a client who says they are stopping, while the work is active or
 * paused: "declined further help" chosen, and the open door offered with the suggested dates and
 * short measure (the helper may change any of it).
 *
 * @param relationshipVersion the relationship's version, carried by the form
 */
public record StoppingForm(UUID relationship, String clientName, int relationshipVersion, List<UnplannedReason> unplannedReasons,
        String preselectedReason, List<LocalDate> suggestedDates, List<EndingWorkspace.Choice> instruments,
        String defaultMeasure, LocalDate today) {

    public StoppingForm {
        unplannedReasons = List.copyOf(unplannedReasons);
        suggestedDates = List.copyOf(suggestedDates);
        instruments = List.copyOf(instruments);
    }
}
