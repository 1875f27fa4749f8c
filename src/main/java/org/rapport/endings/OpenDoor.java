package org.rapport.endings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Part four: the open door. Follow-up check-ins on these dates, each with the short measure named
 * by {@code instrumentKey}; or none, with the reason (for example the client declined).
 */
public record OpenDoor(List<LocalDate> followUpDates, @Nullable String instrumentKey, @Nullable String noFollowUpReason,
        boolean done) {

    public OpenDoor {
        List<LocalDate> dates = new ArrayList<>();
        if (followUpDates != null) followUpDates.stream().filter(Objects::nonNull).forEach(dates::add);
        followUpDates = List.copyOf(dates);
    }
}
