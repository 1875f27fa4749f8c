package org.rapport.sessions;

import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;

/** A scheduled session ahead, as the helper's upcoming list shows it. */
public record UpcomingSession(SessionId id, RelationshipId relationship, String clientPartyName, LocalDate on, LocalTime at,
        int lengthMinutes, MeetingMode mode, @Nullable String place) {
}
