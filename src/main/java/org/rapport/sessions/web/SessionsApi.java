package org.rapport.sessions.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;
import org.rapport.sessions.CalendarLink;
import org.rapport.sessions.Continuity;
import org.rapport.sessions.HelpingSkill;
import org.rapport.sessions.NewSession;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionInfo;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionOutcome;
import org.rapport.sessions.SessionRecord;
import org.rapport.sessions.UpcomingSession;
import org.rapport.shared.RuleBroken;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sessions over HTTP: schedule, record, read, the upcoming list and the calendar feed link. */
@RestController
@RequestMapping("/api")
@Tag(name = "Sessions", description = "Sessions: scheduling, what happened, attendance, skills and the calendar feed")
class SessionsApi {

    private final SessionManagement sessions;

    SessionsApi(SessionManagement sessions) {
        this.sessions = sessions;
    }

    /** What happened at a session: the outcome, members present (couples, families, groups) and skills. */
    record RecordRequest(
            @NotNull(message = "Say what happened.") @Nullable SessionOutcome outcome,
            @Nullable Map<UUID, @Nullable Boolean> attendance,
            @Nullable Set<@NotNull(message = "Name each skill.") HelpingSkill> skills) {

        SessionRecord toRecord() {
            Map<UUID, Boolean> marked = attendance == null ? Map.of() : attendance.entrySet().stream()
                    .peek(e -> {
                        if (e.getValue() == null) throw new RuleBroken("Mark each member present (true) or not (false).");
                    })
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            return new SessionRecord(outcome, marked, skills == null ? Set.of() : skills);
        }
    }

    /** A session to schedule; with a record, a session that has already happened, recorded in one step. */
    record SessionRequest(
            @NotNull(message = "Give the day of the session.") @Nullable LocalDate on,
            @NotNull(message = "Give the time the session starts.") @Nullable LocalTime at,
            @NotNull(message = "Give the length in minutes.") @Min(value = 5, message = "At least 5 minutes.") @Max(value = 480, message = "At most 480 minutes.") @Nullable Integer lengthMinutes,
            @NotNull(message = "Say how you meet: IN_PERSON, VIDEO or PHONE.") @Nullable MeetingMode mode,
            @Size(max = 200, message = "At most 200 characters.") @Nullable String place,
            @Valid @Nullable RecordRequest record) {

        NewSession session() {
            return new NewSession(on, at, lengthMinutes == null ? 0 : lengthMinutes, mode, place);
        }
    }

    record RecordSessionRequest(
            @NotNull(message = "Say what happened.") @Nullable SessionOutcome outcome,
            @Nullable Map<UUID, @Nullable Boolean> attendance,
            @Nullable Set<@NotNull(message = "Name each skill.") HelpingSkill> skills,
            @NotNull(message = "Give the version of the session you loaded.") @Nullable Integer version) {
    }

    @GetMapping("/relationships/{id}/sessions")
    @Operation(summary = "A relationship's sessions, the latest first")
    List<SessionInfo> sessionsOf(@PathVariable UUID id) {
        return sessions.sessionsOf(new RelationshipId(id));
    }

    @GetMapping("/relationships/{id}/continuity")
    @Operation(summary = "Continuity: of the attended sessions, how many the current lead helper was at")
    Continuity continuity(@PathVariable UUID id) {
        return sessions.continuityOf(new RelationshipId(id));
    }

    @PostMapping("/relationships/{id}/sessions")
    @Operation(summary = "Schedule a session; with 'record', record one that has already happened")
    ResponseEntity<SessionInfo> schedule(@PathVariable UUID id, @Valid @RequestBody SessionRequest request) {
        RelationshipId relationship = new RelationshipId(id);
        SessionId session = request.record() == null ? sessions.schedule(relationship, request.session())
                : sessions.recordUnscheduled(relationship, request.session(), request.record().toRecord());
        return ResponseEntity.created(URI.create("/api/sessions/" + session)).body(sessions.describe(session));
    }

    @GetMapping("/sessions/{sid}")
    @Operation(summary = "A session: when, how, what happened, the phase, attendance and skills")
    SessionInfo session(@PathVariable UUID sid) {
        return sessions.session(new SessionId(sid));
    }

    @PostMapping("/sessions/{sid}/record")
    @Operation(summary = "Record what happened at a session, or correct the record; needs the version loaded")
    SessionInfo record(@PathVariable UUID sid, @Valid @RequestBody RecordSessionRequest request) {
        SessionId session = new SessionId(sid);
        sessions.record(session, request.version() == null ? -1 : request.version(),
                new RecordRequest(request.outcome(), request.attendance(), request.skills()).toRecord());
        return sessions.describe(session);
    }

    @GetMapping("/sessions/upcoming")
    @Operation(summary = "The signed-in helper's scheduled sessions from today on, the soonest first")
    List<UpcomingSession> upcoming() {
        return sessions.upcoming();
    }

    @PostMapping("/calendar-feed")
    @Operation(summary = "Make (or replace) the signed-in helper's secret calendar feed link; shown only in this answer")
    ResponseEntity<CalendarLink> openFeed() {
        CalendarLink link = sessions.openCalendarFeed();
        return ResponseEntity.created(URI.create(link.path())).body(link);
    }

    @DeleteMapping("/calendar-feed")
    @Operation(summary = "Revoke the signed-in helper's calendar feed link")
    ResponseEntity<Void> revokeFeed() {
        sessions.revokeCalendarFeed();
        return ResponseEntity.noContent().build();
    }
}
