package org.rapport.goals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.goals.ConcernId;
import org.rapport.goals.GoalHistory;
import org.rapport.goals.GoalId;
import org.rapport.goals.GoalManagement;
import org.rapport.goals.GoalStatus;
import org.rapport.goals.GoalsOverview;
import org.rapport.goals.LevelDescriptions;
import org.rapport.goals.NewActionStep;
import org.rapport.goals.NewConcern;
import org.rapport.goals.NewGoal;
import org.rapport.goals.StepOwner;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.relationships.RelationshipId;
import org.rapport.sessions.SessionId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The goals part of the HTTP API: concerns, goals, ratings, status, action steps and the T-score, as JSON. */
@RestController
@RequestMapping("/api")
@Tag(name = "Goals", description = "Concerns, goals in the client's words with goal attainment scaling, ratings and action steps")
class GoalsApi {

    private final GoalManagement goals;

    GoalsApi(GoalManagement goals) {
        this.goals = goals;
    }

    @GetMapping("/relationships/{id}/goals")
    @Operation(summary = "A relationship's concerns and goals, with its goal attainment T-score and its history")
    GoalsOverview goalsOf(@PathVariable UUID id) {
        return goals.goalsOf(new RelationshipId(id));
    }

    @PostMapping("/relationships/{id}/concerns")
    @Operation(summary = "Record a concern identified with the client, in their words")
    ResponseEntity<Map<String, Object>> addConcern(@PathVariable UUID id, @Valid @RequestBody ConcernRequest request) {
        ConcernId concern = goals.addConcern(new RelationshipId(id), new NewConcern(request.description(), request.identifiedOn()));
        return ResponseEntity.created(URI.create("/api/relationships/" + id + "/goals")).body(Map.of("id", concern.value()));
    }

    @PostMapping("/relationships/{id}/goals")
    @Operation(summary = "Set a goal: the statement in the client's words, its five levels (−2 … +2), baseline and optional weights")
    ResponseEntity<Map<String, Object>> setGoal(@PathVariable UUID id, @Valid @RequestBody GoalRequest request) {
        GoalId goal = goals.setGoal(new RelationshipId(id), new NewGoal(
                request.concernId() == null ? null : new ConcernId(request.concernId()), request.newConcern(),
                request.statement(), new LevelDescriptions(request.levels().minusTwo(), request.levels().minusOne(),
                        request.levels().zero(), request.levels().plusOne(), request.levels().plusTwo()),
                new AttainmentLevel(request.baseline()), request.importance(), request.difficulty(), request.setOn(),
                request.startAs()));
        return ResponseEntity.created(URI.create("/api/goals/" + goal)).body(Map.of("id", goal.value()));
    }

    @GetMapping("/goals/{gid}")
    @Operation(summary = "A goal with its ratings (and the day of each session it was rated in), steps and status changes")
    GoalHistory goal(@PathVariable UUID gid) {
        return goals.history(new GoalId(gid));
    }

    @PostMapping("/goals/{gid}/ratings")
    @Operation(summary = "Rate an active goal from −2 to +2, on a day or in a session of its relationship")
    ResponseEntity<Map<String, Object>> rate(@PathVariable UUID gid, @Valid @RequestBody RatingRequest request) {
        int version = goals.rate(new GoalId(gid), new AttainmentLevel(request.level()), request.ratedOn(),
                request.sessionId() == null ? null : new SessionId(request.sessionId()));
        return ResponseEntity.created(URI.create("/api/goals/" + gid)).body(Map.of("version", version));
    }

    @PostMapping("/goals/{gid}/status")
    @Operation(summary = "Move a goal's status: proposed → active or cancelled; active → on hold, achieved, not achieved or cancelled; on hold → active or cancelled")
    Map<String, Object> changeStatus(@PathVariable UUID gid, @Valid @RequestBody GoalStatusRequest request) {
        return Map.of("version", goals.changeStatus(new GoalId(gid), request.version(), request.to(), request.reason()));
    }

    @PostMapping("/goals/{gid}/action-steps")
    @Operation(summary = "Add a step towards a goal: what, who takes it (CLIENT or HELPER), and by when")
    ResponseEntity<Map<String, Object>> addStep(@PathVariable UUID gid, @Valid @RequestBody StepRequest request) {
        UUID step = goals.addActionStep(new GoalId(gid), new NewActionStep(request.description(), request.who(), request.dueBy()));
        return ResponseEntity.created(URI.create("/api/goals/" + gid)).body(Map.of("id", step));
    }

    @PostMapping("/goals/{gid}/action-steps/{step}/completion")
    @Operation(summary = "Tick off an action step on the day it was done")
    Map<String, Object> completeStep(@PathVariable UUID gid, @PathVariable UUID step,
            @Valid @RequestBody CompletionRequest request) {
        return Map.of("version", goals.completeActionStep(new GoalId(gid), step, request.doneOn()));
    }

    @PostMapping("/sessions/{sid}/goal-ratings")
    @Operation(summary = "Rate several goals in a session at once (goal id → level −2 … +2); all are stored or none")
    Map<String, Object> rateInSession(@PathVariable UUID sid, @Valid @RequestBody SessionRatingsRequest request) {
        Map<GoalId, Integer> levels = new LinkedHashMap<>();
        request.levels().forEach((goal, level) -> levels.put(new GoalId(goal), level));
        return Map.of("rated", goals.rateInSession(new SessionId(sid), levels));
    }

    record ConcernRequest(@NotBlank @Size(max = 2000) String description, @Nullable LocalDate identifiedOn) {
    }

    record Levels(@NotBlank @Size(max = 500) String minusTwo, @NotBlank @Size(max = 500) String minusOne,
            @NotBlank @Size(max = 500) String zero, @NotBlank @Size(max = 500) String plusOne,
            @NotBlank @Size(max = 500) String plusTwo) {
    }

    record GoalRequest(@Nullable UUID concernId, @Nullable @Size(max = 2000) String newConcern,
            @NotBlank @Size(max = 1000) String statement, @NotNull @Valid Levels levels,
            @NotNull @Min(-2) @Max(2) Integer baseline, @Nullable @Min(0) @Max(3) Integer importance,
            @Nullable @Min(0) @Max(3) Integer difficulty, @Nullable LocalDate setOn, @Nullable GoalStatus startAs) {
    }

    record RatingRequest(@NotNull @Min(-2) @Max(2) Integer level, @Nullable LocalDate ratedOn, @Nullable UUID sessionId) {
    }

    record GoalStatusRequest(@NotNull GoalStatus to, @Nullable @Size(max = 500) String reason, @NotNull Integer version) {
    }

    record StepRequest(@NotBlank @Size(max = 500) String description, @NotNull StepOwner who, @NotNull LocalDate dueBy) {
    }

    record CompletionRequest(@Nullable LocalDate doneOn) {
    }

    record SessionRatingsRequest(@NotEmpty Map<UUID, @NotNull @Min(-2) @Max(2) Integer> levels) {
    }
}
