package org.rapport.endings;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** How the work closed: planned or not, on which day, why, the follow-ups agreed and the reconnect link, if one was issued. */
public record ClosedEnding(boolean planned, LocalDate endedOn, String reason, String reasonLabel,
        List<LocalDate> followUpDates, @Nullable String reconnectPath, String closedByName) {

    public ClosedEnding {
        followUpDates = List.copyOf(followUpDates);
    }

    /** Whether the reason counts as dropping out. */
    public boolean droppedOut() {
        return !planned && UnplannedReason.DROPPED_OUT.code().equals(reason);
    }
}
