package org.rapport.endings;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Closing work unplanned: the reason's code ({@code dropped-out}, {@code moved-away},
 * {@code declined-further-help}, {@code other}), a few words on it (needed for "other"), the day it
 * ended (today when absent) and, where it is still possible, the open door offered: follow-up dates
 * with their short measure, or none.
 *
 * @param relationshipVersion the relationship's version the helper saw
 */
public record UnplannedClosing(int relationshipVersion, @Nullable String reason, @Nullable String explanation,
        @Nullable LocalDate endedOn, List<LocalDate> followUpDates, @Nullable String instrumentKey) {

    public UnplannedClosing {
        followUpDates = followUpDates == null ? List.of()
                : followUpDates.stream().filter(java.util.Objects::nonNull).toList();
    }
}
