package org.rapport.sessions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;

/** One session as stored: when and how, what happened, and who recorded it. */
final class Session {

    final SessionId id;
    final RelationshipId relationship;
    final UUID clientPartyId;
    final LocalDate on;
    final LocalTime at;
    final int lengthMinutes;
    final MeetingMode mode;
    final @Nullable String place;
    SessionOutcome outcome;
    @Nullable String phaseKey;
    @Nullable String phaseName;
    Set<HelpingSkill> skills;
    List<MemberAttendance> attendance;
    final List<UUID> helperIds;
    final Instant createdAt;
    final String createdByName;
    @Nullable Instant recordedAt;
    @Nullable String recordedByName;
    int version;

    Session(SessionId id, RelationshipId relationship, UUID clientPartyId, LocalDate on, LocalTime at, int lengthMinutes,
            MeetingMode mode, @Nullable String place, SessionOutcome outcome, @Nullable String phaseKey,
            @Nullable String phaseName, Set<HelpingSkill> skills, List<MemberAttendance> attendance, List<UUID> helperIds,
            Instant createdAt, String createdByName, @Nullable Instant recordedAt, @Nullable String recordedByName,
            int version) {
        this.id = id;
        this.relationship = relationship;
        this.clientPartyId = clientPartyId;
        this.on = on;
        this.at = at;
        this.lengthMinutes = lengthMinutes;
        this.mode = mode;
        this.place = place;
        this.outcome = outcome;
        this.phaseKey = phaseKey;
        this.phaseName = phaseName;
        this.skills = skills.isEmpty() ? Set.of() : Set.copyOf(skills);
        this.attendance = List.copyOf(attendance);
        this.helperIds = List.copyOf(helperIds);
        this.createdAt = createdAt;
        this.createdByName = createdByName;
        this.recordedAt = recordedAt;
        this.recordedByName = recordedByName;
        this.version = version;
    }

    /** A new session, not yet recorded; the caller has checked it with {@link SessionRules}. */
    static Session scheduled(RelationshipId relationship, UUID clientPartyId, NewSession checked, List<UUID> helperIds,
            Instant now, String byName) {
        return new Session(new SessionId(UUID.randomUUID()), relationship, clientPartyId, checked.on(), checked.at(),
                checked.lengthMinutes(), checked.mode(), checked.place(), SessionOutcome.SCHEDULED, null, null, Set.of(),
                List.of(), helperIds, now, byName, null, null, 0);
    }

    /**
     * Records what happened (the caller has checked it with {@link SessionRules}). The phase is kept
     * from the first recording: a correction does not move the session into a later phase.
     */
    void record(SessionOutcome outcome, List<MemberAttendance> attendance, Set<HelpingSkill> skills, String phaseKey,
            String phaseName, Instant now, String byName) {
        this.outcome = outcome;
        this.attendance = List.copyOf(attendance);
        this.skills = skills.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(skills));
        if (this.phaseKey == null) {
            this.phaseKey = phaseKey;
            this.phaseName = phaseName;
        }
        this.recordedAt = now;
        this.recordedByName = byName;
    }

    boolean isRecorded() {
        return outcome != SessionOutcome.SCHEDULED;
    }

    SessionInfo info(boolean mayChange) {
        return new SessionInfo(id, relationship, clientPartyId, on, at, lengthMinutes, mode, place, outcome, phaseKey,
                phaseName, skills, attendance, version, mayChange);
    }
}
