package org.rapport.endings;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ending letter to the client, built from the four parts: only what was written with and for
 * the client (no notes of any kind, no scores beyond what the helper chose to put in the gains).
 * Empty parts are left out.
 *
 * @param reasonToClient the reason as said to the client, in a sentence fragment ("you have reached the goals…"), or empty
 * @param followUpMeasure the short measure's name, when follow-ups were agreed
 * @param reconnectPath   the path of the reconnect link, once the work closed and a link was issued
 */
public record EndingLetter(String clientName, String helperName, LocalDate writtenOn, @Nullable String gains,
        @Nullable String clientWords, String reasonToClient, @Nullable String explanation, @Nullable String warningSigns,
        @Nullable String whatHelps, @Nullable String peopleToContact, @Nullable String crisisPlan,
        List<LocalDate> followUpDates, @Nullable String followUpMeasure, @Nullable String reconnectPath, boolean closed) {

    public EndingLetter {
        followUpDates = List.copyOf(followUpDates);
    }

    public boolean hasMaintenancePlan() {
        return warningSigns != null || whatHelps != null || peopleToContact != null || crisisPlan != null;
    }
}
