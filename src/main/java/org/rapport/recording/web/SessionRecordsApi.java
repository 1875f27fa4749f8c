package org.rapport.recording.web;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.goals.GoalId;
import org.rapport.recording.QuickRecord;
import org.rapport.recording.RecordedSession;
import org.rapport.recording.SessionRecording;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;
import org.rapport.sessions.HelpingSkill;
import org.rapport.sessions.SessionOutcome;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Quick recording through the HTTP API: a session, its attendance, skills, goal ratings and note in one call. */
@RestController
@RequestMapping("/api")
@Tag(name = "Quick recording", description = "Record a whole session in one call, all or nothing")
class SessionRecordsApi {

    private final SessionRecording recording;

    SessionRecordsApi(SessionRecording recording) {
        this.recording = recording;
    }

    @PostMapping("/relationships/{id}/session-records")
    @Operation(summary = "Record a session that took place (or was missed) with its goal ratings and note")
    ResponseEntity<Map<String, Object>> record(@PathVariable UUID id, @Valid @RequestBody SessionRecordRequest request) {
        Map<GoalId, Integer> ratings = new HashMap<>();
        if (request.ratings() != null) request.ratings().forEach((goal, level) -> ratings.put(new GoalId(goal), level));
        NoteRequest note = request.note();
        RecordedSession recorded = recording.record(new RelationshipId(id), new QuickRecord(request.on(), request.at(),
                request.lengthMinutes(), request.mode(), request.place(), request.outcome(),
                request.attendance() == null ? Map.of() : request.attendance(),
                request.skills() == null ? Set.of() : request.skills(), ratings,
                note == null ? null : note.template(),
                note == null || note.sections() == null ? Map.of() : note.sections(),
                note != null && note.sign()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sessionId", recorded.session().value());
        if (recorded.note() != null) body.put("noteId", recorded.note().value());
        return ResponseEntity.created(URI.create("/api/sessions/" + recorded.session().value())).body(body);
    }

    record SessionRecordRequest(@NotNull LocalDate on, @NotNull LocalTime at, @Min(5) @Max(480) int lengthMinutes,
            @NotNull MeetingMode mode, @Nullable @Size(max = 200) String place, @NotNull SessionOutcome outcome,
            @Nullable Map<UUID, Boolean> attendance, @Nullable Set<HelpingSkill> skills,
            @Nullable Map<UUID, @Min(-2) @Max(2) Integer> ratings, @Valid @Nullable NoteRequest note) {
    }

    record NoteRequest(@Nullable @Size(max = 60) String template,
            @Nullable Map<String, @Size(max = 20000) String> sections, boolean sign) {
    }
}
