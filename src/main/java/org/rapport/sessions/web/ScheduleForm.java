package org.rapport.sessions.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import org.rapport.relationships.MeetingMode;
import org.rapport.sessions.NewSession;

/** The schedule form: day, time, length, how and where. */
record ScheduleForm(
        @NotNull(message = "Choose the day of the session.") @Nullable LocalDate on,
        @NotNull(message = "Give the time the session starts.") @Nullable LocalTime at,
        @NotNull(message = "Give the length in minutes.") @Min(value = 5, message = "A session lasts at least 5 minutes.") @Max(value = 480, message = "A session lasts at most 480 minutes (eight hours).") @Nullable Integer lengthMinutes,
        @NotNull(message = "Choose how you meet.") @Nullable MeetingMode mode,
        @Size(max = 200, message = "Keep the place to 200 characters.") @Nullable String place) {

    static ScheduleForm blank(LocalDate on) {
        return new ScheduleForm(on, LocalTime.of(10, 0), 50, MeetingMode.IN_PERSON, null);
    }

    NewSession session() {
        return new NewSession(on, at, lengthMinutes == null ? 0 : lengthMinutes, mode, place);
    }
}
