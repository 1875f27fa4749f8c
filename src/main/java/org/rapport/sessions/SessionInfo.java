package org.rapport.sessions;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;

/** One session as other modules and the pages see it. */
public record SessionInfo(SessionId id, RelationshipId relationship, UUID clientPartyId, LocalDate on, LocalTime at,
        int lengthMinutes, MeetingMode mode, @Nullable String place, SessionOutcome outcome, @Nullable String phaseKey,
        @Nullable String phaseName, Set<HelpingSkill> skills, List<MemberAttendance> attendance, int version,
        boolean mayChange) {

    public SessionInfo {
        skills = Set.copyOf(skills);
        attendance = List.copyOf(attendance);
    }

    public long presentCount() {
        return attendance.stream().filter(MemberAttendance::present).count();
    }
}
