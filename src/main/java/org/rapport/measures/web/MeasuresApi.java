package org.rapport.measures.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.measures.AdministrationId;
import org.rapport.measures.MeasureManagement;
import org.rapport.measures.PlanEntry;
import org.rapport.measures.PlanTiming;
import org.rapport.measures.ScoreView;
import org.rapport.measures.DueMeasure;
import org.rapport.measures.SentLink;
import org.rapport.measures.SessionMeasures;
import org.rapport.measures.TalkingTherapiesView;
import org.rapport.relationships.RelationshipId;
import org.rapport.sessions.SessionId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The measures part of the HTTP API (instruments are in {@link InstrumentsApi}): measurement plans, administrations (links and entered answers) and scores. */
@RestController
@RequestMapping("/api")
@Tag(name = "Measures", description = "Instruments, measurement plans, giving an instrument to a client and their scores")
class MeasuresApi {

    private final MeasureManagement measures;

    MeasuresApi(MeasureManagement measures) {
        this.measures = measures;
    }

    record PlanEntryRequest(@NotBlank @Size(max = 60) String instrumentKey, @NotNull PlanTiming timing,
            @Nullable @Min(2) @Max(52) Integer every) {
    }

    record PlanRequest(@NotNull @Size(max = 20) List<@Valid @NotNull PlanEntryRequest> entries) {
    }

    record SendRequest(@NotBlank @Size(max = 60) String instrumentKey) {
    }

    record SentResponse(AdministrationId administrationId, String link, Instant expiresAt) {
    }

    record EnteredRequest(@NotBlank @Size(max = 60) String instrumentKey,
            @NotNull @Size(max = 100) Map<@NotBlank @Size(max = 60) String, @NotNull Integer> answers,
            @Nullable UUID sessionId) {
    }

    record EnteredResponse(AdministrationId administrationId) {
    }

    @GetMapping("/relationships/{id}/measurement-plan")
    @Operation(summary = "A relationship's measurement plan: which instruments, and when")
    Map<String, List<PlanEntry>> plan(@PathVariable UUID id) {
        return Map.of("entries", measures.planOf(new RelationshipId(id)));
    }

    @PutMapping("/relationships/{id}/measurement-plan")
    @Operation(summary = "Replace a relationship's measurement plan")
    Map<String, List<PlanEntry>> setPlan(@PathVariable UUID id, @Valid @RequestBody PlanRequest request) {
        RelationshipId relationship = new RelationshipId(id);
        measures.setPlan(relationship, request.entries().stream()
                .map(e -> new PlanEntry(e.instrumentKey(), e.timing(), e.every())).toList());
        return Map.of("entries", measures.planOf(relationship));
    }

    @GetMapping("/organisation/measurement-plan")
    @Operation(summary = "The measurement plan each new relationship starts with")
    Map<String, List<PlanEntry>> defaultPlan() {
        return Map.of("entries", measures.defaultPlan().entries());
    }

    @PutMapping("/organisation/measurement-plan")
    @Operation(summary = "Replace the measurement plan new relationships start with (admins only)")
    Map<String, List<PlanEntry>> setDefaultPlan(@Valid @RequestBody PlanRequest request) {
        measures.setDefaultPlan(request.entries().stream().map(e -> new PlanEntry(e.instrumentKey(), e.timing(), e.every()))
                .toList());
        return Map.of("entries", measures.defaultPlan().entries());
    }

    @PostMapping("/relationships/{id}/administrations")
    @Operation(summary = "Send the client a one-time link to answer an instrument; the link is returned only now")
    ResponseEntity<SentResponse> send(@PathVariable UUID id, @Valid @RequestBody SendRequest request) {
        SentLink link = measures.send(new RelationshipId(id), request.instrumentKey());
        return ResponseEntity.created(URI.create(link.path()))
                .body(new SentResponse(link.administration(), link.path(), link.expiresAt()));
    }

    @PostMapping("/relationships/{id}/administrations/entered")
    @Operation(summary = "Enter the client's answers given in a session; they are scored at once")
    ResponseEntity<EnteredResponse> entered(@PathVariable UUID id, @Valid @RequestBody EnteredRequest request) {
        AdministrationId administration = measures.enterInSession(new RelationshipId(id), request.instrumentKey(),
                request.answers(), request.sessionId() == null ? null : new SessionId(request.sessionId()));
        return ResponseEntity.created(URI.create("/api/relationships/" + id + "/scores"))
                .body(new EnteredResponse(administration));
    }

    @GetMapping("/relationships/{id}/measures/due")
    @Operation(summary = "What the measurement plan calls for: at the session with this number (1 to 10000; without it, the next session), at the ending, and at follow-ups")
    DueResponse due(@PathVariable UUID id, @RequestParam(name = "session", required = false) @Nullable String session) {
        RelationshipId relationship = new RelationshipId(id);
        SessionMeasures atSession;
        if (session == null) {
            atSession = measures.dueAtNextSession(relationship);
        } else {
            int number;
            try {
                number = Integer.parseInt(session.strip());
            } catch (NumberFormatException e) {
                number = 0;
            }
            if (number < 1 || number > 10_000) {
                throw new IllegalArgumentException("A session number is a whole number from 1 to 10000; the first session held is 1.");
            }
            atSession = new SessionMeasures(number, measures.dueAtSession(relationship, number));
        }
        return new DueResponse(atSession.sessionNumber(), atSession.due(), measures.dueAtEnding(relationship),
                measures.followUpInstrument(relationship).orElse(null));
    }

    record DueResponse(int sessionNumber, List<DueMeasure> atSession, List<DueMeasure> atEnding,
            @Nullable String followUpInstrument) {
    }

    @GetMapping("/relationships/{id}/scores/outcome")
    @Operation(summary = "Recovery and reliable recovery as NHS Talking Therapies defines them, from the first and latest PHQ-9 and GAD-7; talkingTherapies is null until both have been given")
    OutcomeResponse outcome(@PathVariable UUID id) {
        return measures.talkingTherapiesOutcomeOf(new RelationshipId(id))
                .map(view -> new OutcomeResponse(view, "Judged from the first and latest PHQ-9 and GAD-7, as NHS Talking Therapies defines recovery."))
                .orElseGet(() -> new OutcomeResponse(null, "Recovery is judged once both PHQ-9 and GAD-7 have been given."));
    }

    record OutcomeResponse(@Nullable TalkingTherapiesView talkingTherapies, String note) {
    }

    @GetMapping("/relationships/{id}/scores")
    @Operation(summary = "A relationship's scores per instrument, oldest first, with the change from the first to the latest")
    List<ScoreView> scores(@PathVariable UUID id) {
        return measures.scoresOf(new RelationshipId(id));
    }
}
