package org.rapport.endings.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.endings.ClosedEnding;
import org.rapport.endings.Confidence;
import org.rapport.endings.EndingLetter;
import org.rapport.endings.EndingManagement;
import org.rapport.endings.EndingWorkspace;
import org.rapport.endings.EndingsSummary;
import org.rapport.endings.Gains;
import org.rapport.endings.OpenDoor;
import org.rapport.endings.UnplannedClosing;
import org.rapport.endings.WhyItEnds;
import org.rapport.goals.GoalId;
import org.rapport.goals.GoalStatus;
import org.rapport.relationships.RelationshipId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The endings part of the HTTP API: the ending workspace and its four parts, closing planned and
 * unplanned, the letter (JSON and PDF) and the count of endings for a period.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Endings", description = "The four-part planned ending (gains, why it ends, confidence moving forward, the open door), "
        + "unplanned endings with their reason, the ending letter, and the count of endings")
class EndingsApi {

    private final EndingManagement endings;

    EndingsApi(EndingManagement endings) {
        this.endings = endings;
    }

    @GetMapping("/relationships/{id}/ending")
    @Operation(summary = "The ending workspace: the four parts as saved, the live facts of the gains, the parts still to do")
    EndingWorkspace workspace(@PathVariable UUID id) {
        return endings.workspace(new RelationshipId(id));
    }

    @PutMapping("/relationships/{id}/ending/gains")
    @Operation(summary = "Save part one, the gains made (summary up to 4000 characters; the client's words needed to mark it done)")
    Map<String, Object> gains(@PathVariable UUID id, @Valid @RequestBody GainsRequest request) {
        return Map.of("version", endings.saveGains(new RelationshipId(id), request.version(),
                new Gains(request.summary(), request.clientWords(), Boolean.TRUE.equals(request.done()))));
    }

    @PutMapping("/relationships/{id}/ending/why")
    @Operation(summary = "Save part two, why the work ends: reason (goals-met, agreed-sessions-reached, clients-choice, "
            + "referral-onward, helper-leaving, service-limit, other) and an honest explanation")
    Map<String, Object> why(@PathVariable UUID id, @Valid @RequestBody WhyRequest request) {
        return Map.of("version", endings.saveWhyItEnds(new RelationshipId(id), request.version(),
                new WhyItEnds(request.reason(), request.explanation(), Boolean.TRUE.equals(request.done()))));
    }

    @PutMapping("/relationships/{id}/ending/confidence")
    @Operation(summary = "Save part three, the maintenance plan in the client's words")
    Map<String, Object> confidence(@PathVariable UUID id, @Valid @RequestBody ConfidenceRequest request) {
        return Map.of("version", endings.saveConfidence(new RelationshipId(id), request.version(),
                new Confidence(request.warningSigns(), request.whatHelps(), request.peopleToContact(), request.crisisPlan(),
                        Boolean.TRUE.equals(request.done()))));
    }

    @PutMapping("/relationships/{id}/ending/open-door")
    @Operation(summary = "Save part four, the open door: up to six follow-up dates after today with a short measure, "
            + "or none with the reason")
    Map<String, Object> openDoor(@PathVariable UUID id, @Valid @RequestBody OpenDoorRequest request) {
        return Map.of("version", endings.saveOpenDoor(new RelationshipId(id), request.version(),
                new OpenDoor(request.followUpDates() == null ? List.of() : request.followUpDates(), request.instrumentKey(),
                        request.noFollowUpReason(), Boolean.TRUE.equals(request.done()))));
    }

    @PostMapping("/relationships/{id}/ending/close")
    @Operation(summary = "Close the work as planned once the four parts are done and nothing contradicts it: every goal "
            + "settled, every alert acknowledged, and \"goals-met\" only when the goals were (409 naming each otherwise; "
            + "the workspace's beforeClosing lists them)")
    ClosedEnding close(@PathVariable UUID id, @Valid @RequestBody CloseRequest request) {
        return endings.closePlanned(new RelationshipId(id), request.version(), request.endedOn());
    }

    @PostMapping("/relationships/{id}/ending/goals/{goalId}")
    @Operation(summary = "Settle a goal still open before the work closes: outcome ACHIEVED, NOT_ACHIEVED, "
            + "CONTINUING_ELSEWHERE or CANCELLED, at the goal's version (204)")
    ResponseEntity<Void> settleGoal(@PathVariable UUID id, @PathVariable UUID goalId, @Valid @RequestBody SettleRequest request) {
        endings.settleGoal(new RelationshipId(id), new GoalId(goalId), request.version(), request.outcome());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/relationships/{id}/ending/close-unplanned")
    @Operation(summary = "Close the work unplanned with its reason (dropped-out, moved-away, declined-further-help, other), "
            + "offering follow-up dates where still possible")
    ClosedEnding closeUnplanned(@PathVariable UUID id, @Valid @RequestBody UnplannedRequest request) {
        return endings.closeUnplanned(new RelationshipId(id), new UnplannedClosing(request.relationshipVersion(),
                request.reason(), request.explanation(), request.endedOn(),
                request.followUpDates() == null ? List.of() : request.followUpDates(), request.instrumentKey()));
    }

    @GetMapping("/relationships/{id}/ending/letter")
    @Operation(summary = "The ending letter's content, from the four parts")
    EndingLetter letter(@PathVariable UUID id) {
        return endings.letter(new RelationshipId(id));
    }

    @GetMapping(value = "/relationships/{id}/ending/letter.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The ending letter as a PDF")
    ResponseEntity<byte[]> letterPdf(@PathVariable UUID id) {
        EndingLetter letter = endings.letter(new RelationshipId(id));
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("ending-letter.pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(LetterPdf.render(LetterText.of(letter, base), letter));
    }

    @GetMapping("/endings/summary")
    @Operation(summary = "How many relationships ended in a period (both days included), planned and unplanned, by reason; "
            + "drop-out counted on its own")
    EndingsSummary summary(
            @Parameter(description = "first day, e.g. 2026-01-01") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @Parameter(description = "last day, e.g. 2026-12-31") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return endings.summary(from, to);
    }

    record GainsRequest(@NotNull Integer version, @Size(max = 4000) @Nullable String summary,
            @Size(max = 2000) @Nullable String clientWords, @Nullable Boolean done) {
    }

    record WhyRequest(@NotNull Integer version, @Size(max = 40) @Nullable String reason,
            @Size(max = 2000) @Nullable String explanation, @Nullable Boolean done) {
    }

    record ConfidenceRequest(@NotNull Integer version, @Size(max = 2000) @Nullable String warningSigns,
            @Size(max = 2000) @Nullable String whatHelps, @Size(max = 2000) @Nullable String peopleToContact,
            @Size(max = 2000) @Nullable String crisisPlan, @Nullable Boolean done) {
    }

    record OpenDoorRequest(@NotNull Integer version, @Size(max = 6) @Nullable List<@NotNull LocalDate> followUpDates,
            @Size(max = 80) @Nullable String instrumentKey, @Size(max = 500) @Nullable String noFollowUpReason,
            @Nullable Boolean done) {
    }

    record CloseRequest(@NotNull Integer version, @Nullable LocalDate endedOn) {
    }

    record SettleRequest(@NotNull Integer version, @NotNull GoalStatus outcome) {
    }

    record UnplannedRequest(@NotNull Integer relationshipVersion, @Size(max = 40) @Nullable String reason,
            @Size(max = 2000) @Nullable String explanation, @Nullable LocalDate endedOn,
            @Size(max = 6) @Nullable List<@NotNull LocalDate> followUpDates, @Size(max = 80) @Nullable String instrumentKey) {
    }
}
