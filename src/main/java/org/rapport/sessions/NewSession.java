package org.rapport.sessions;

import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import org.rapport.relationships.MeetingMode;

/** A session to schedule (or to record after the fact): when, how long, how and where. */
public record NewSession(LocalDate on, LocalTime at, int lengthMinutes, MeetingMode mode, @Nullable String place) {
}
