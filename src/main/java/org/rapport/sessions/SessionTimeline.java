package org.rapport.sessions;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.TimelineEntry;
import org.rapport.relationships.TimelineSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds sessions to the relationship's timeline: when one was scheduled, and what became of it
 * (held, with how many of a group were there; cancelled; not attended). Never note content.
 */
@Component
class SessionTimeline implements TimelineSource {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm", Locale.UK);

    private final Sessions sessions;
    private final Clock clock;

    SessionTimeline(Sessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> timelineOf(RelationshipId relationship) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Session s : sessions.ofRelationship(relationship)) {
            String when = WHEN.format(s.on.atTime(s.at));
            String how = s.lengthMinutes + " minutes, " + s.mode.label().toLowerCase(Locale.UK);
            boolean scheduledAhead = s.recordedAt == null || s.createdAt.isBefore(s.recordedAt.minusSeconds(1));
            if (scheduledAhead) {
                entries.add(new TimelineEntry(s.createdAt, "session", "Session scheduled for " + when, how, s.createdByName));
            }
            if (s.isRecorded()) {
                String by = s.recordedByName == null ? "" : s.recordedByName;
                entries.add(new TimelineEntry(s.on.atTime(s.at).atZone(clock.getZone()).toInstant(), "session",
                        title(s.outcome), detail(s, how), by));
            }
        }
        return entries;
    }

    private static String title(SessionOutcome outcome) {
        return switch (outcome) {
            case ATTENDED -> "Session held";
            case CANCELLED_BY_CLIENT -> "Session cancelled by the client";
            case CANCELLED_BY_HELPER -> "Session cancelled by the helper";
            case DID_NOT_ATTEND -> "Session not attended";
            case SCHEDULED -> "Session scheduled";
        };
    }

    private static String detail(Session s, String how) {
        StringBuilder detail = new StringBuilder(SessionRules.day(s.on)).append(", ").append(how);
        if (s.outcome.isHeld() && !s.attendance.isEmpty()) {
            long present = s.attendance.stream().filter(MemberAttendance::present).count();
            detail.append("; ").append(present).append(" of ").append(s.attendance.size()).append(" present");
        }
        if (s.phaseName != null) detail.append("; phase: ").append(s.phaseName);
        return detail.toString();
    }
}
