package org.rapport.relationships.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.people.ClientPartyId;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.HelperId;
import org.rapport.people.MemberId;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.TeamId;
import org.rapport.relationships.AcceptanceMethod;
import org.rapport.relationships.AgreementTerms;
import org.rapport.relationships.CaseloadEntry;
import org.rapport.relationships.Handover;
import org.rapport.relationships.HandoverMade;
import org.rapport.relationships.HandoverReason;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.NewReferral;
import org.rapport.relationships.Referral;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.WaitingClient;
import org.rapport.relationships.RelationshipOverview;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.relationships.TimelineEntry;
import org.rapport.relationships.Urgency;
import org.rapport.shared.RecordNotFound;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The relationships part of the HTTP API: the same capabilities as the pages, as JSON. */
@RestController
@RequestMapping("/api")
@Tag(name = "Relationships", description = "Referrals, helping relationships, phases, tasks and working agreements")
class RelationshipsApi {

    private final RelationshipManagement relationships;

    RelationshipsApi(RelationshipManagement relationships) {
        this.relationships = relationships;
    }

    @GetMapping("/caseload/former-clients")
    @Operation(summary = "Former clients needing attention: ended relationships on my caseload that still have open alerts, the most urgent first")
    List<CaseloadEntry> formerClients() {
        return relationships.formerClientsNeedingAttention();
    }

    @GetMapping("/caseload")
    @Operation(summary = "The signed-in person's caseload, the most pressing first")
    List<CaseloadEntry> caseload(@RequestParam(name = "ended", defaultValue = "false") boolean includeEnded) {
        return relationships.caseload(includeEnded);
    }

    @GetMapping("/search")
    @Operation(summary = "The relationships you see whose client party is named like this (a part of a name is enough)")
    List<CaseloadEntry> search(@RequestParam(name = "q", defaultValue = "") String text) {
        return relationships.search(text);
    }

    @GetMapping("/waitlist")
    @Operation(summary = "Who is waiting to be seen (referred or waitlisted), the most urgent and longest waiting first")
    List<WaitingClient> waitlist() {
        return relationships.waitlist();
    }

    @PostMapping("/referrals")
    @Operation(summary = "Take a referral: opens a relationship with the status 'referred'")
    ResponseEntity<Map<String, Object>> refer(@Valid @RequestBody ReferralRequest request) {
        NewClientParty newParty = request.clientParty() == null ? null
                : new NewClientParty(request.clientParty().kind(), request.clientParty().name(),
                        request.clientParty().members().stream()
                                .map(m -> new NewClientMember(m.name(), m.joinedOn() == null ? request.referredOn() : m.joinedOn()))
                                .toList());
        RelationshipId id = relationships.refer(new NewReferral(newParty,
                request.existingClientPartyId() == null ? null : new ClientPartyId(request.existingClientPartyId()),
                new Referral(request.source(), request.reason(), request.referredOn(), request.urgency()),
                new HelperId(request.leadHelperId()), request.teamId() == null ? null : new TeamId(request.teamId()),
                request.otherHelperIds() == null ? List.of() : request.otherHelperIds().stream().map(HelperId::new).toList(),
                request.processModel() == null || request.processModel().isBlank() ? relationships.defaultModelKey()
                        : request.processModel(), request.submissionId()));
        return ResponseEntity.created(URI.create("/api/relationships/" + id)).body(Map.of("id", id.value()));
    }

    @GetMapping("/relationships/{id}")
    @Operation(summary = "A relationship: parties, status, phase, tasks, agreement revisions and timeline")
    RelationshipOverview relationship(@PathVariable UUID id) {
        return relationships.overview(new RelationshipId(id));
    }

    @GetMapping("/relationships/{id}/timeline")
    @Operation(summary = "What happened in a relationship, newest first")
    List<TimelineEntry> timeline(@PathVariable UUID id) {
        return relationships.overview(new RelationshipId(id)).timeline();
    }

    @PostMapping("/relationships/{id}/status")
    @Operation(summary = "Change the status; only legal moves are accepted")
    Map<String, Object> changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusRequest request) {
        return Map.of("version", relationships.changeStatus(new RelationshipId(id), request.version(), request.to(),
                request.reason()));
    }

    @PostMapping("/relationships/{id}/phase-moves")
    @Operation(summary = "Move forward one phase, or step back to an earlier one")
    Map<String, Object> movePhase(@PathVariable UUID id, @Valid @RequestBody PhaseMoveRequest request) {
        return Map.of("version", relationships.moveToPhase(new RelationshipId(id), request.version(), request.phase(),
                request.reason()));
    }

    @PostMapping("/relationships/{id}/tasks")
    @Operation(summary = "Tick off a task of the current or an earlier phase (taskNumber counts from 1)")
    Map<String, Object> tickTask(@PathVariable UUID id, @Valid @RequestBody TaskRequest request) {
        return Map.of("version", relationships.tickTask(new RelationshipId(id), request.phase(),
                request.taskNumber() - 1, request.doneOn()));
    }

    @PostMapping("/relationships/{id}/agreement-revisions")
    @Operation(summary = "Write a new revision of the working agreement")
    ResponseEntity<Map<String, Object>> reviseAgreement(@PathVariable UUID id,
            @Valid @RequestBody AgreementRequest request) {
        int revision = relationships.reviseAgreement(new RelationshipId(id), request.version(),
                new AgreementTerms(request.purposeInClientsWords(), request.frequency(), request.sessionLengthMinutes(),
                        Set.copyOf(request.meetingModes()), request.rolesAndResponsibilities(), request.confidentiality(),
                        request.reviewOn(), request.endingPlan()),
                request.changeNote());
        return ResponseEntity.created(URI.create("/api/relationships/" + id + "/agreement-revisions/" + revision))
                .body(Map.of("revision", revision));
    }

    @PostMapping("/relationships/{id}/agreement-revisions/{revision}/acceptance")
    @Operation(summary = "Record that the client accepted a revision, how and when")
    Map<String, Object> acceptAgreement(@PathVariable UUID id, @PathVariable int revision,
            @Valid @RequestBody AcceptanceRequest request) {
        return Map.of("version", relationships.acceptAgreement(new RelationshipId(id), revision, request.acceptedOn(),
                request.how()));
    }

    @PostMapping("/relationships/{id}/handovers")
    @Operation(summary = "Hand the relationship over to another lead helper of the same organisation",
            description = "The helper who led leaves the relationship; upcoming sessions move to the new lead; an "
                    + "accepted working agreement is written again unchanged, for the new helper to confirm and the "
                    + "client to accept again (record that with the agreement-revisions acceptance).",
            responses = {
                    @ApiResponse(responseCode = "201", description = "Handed over; Location names the handover"),
                    @ApiResponse(responseCode = "400", description = "A field is missing, too long or of the wrong type",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "403", description = "Only the relationship's helpers and admins hand it over",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "404", description = "No such relationship for you",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "409", description = "Refused by a rule (ended, same lead, helper not "
                            + "of this organisation or inactive) or changed by someone else since loaded",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    ResponseEntity<HandoverMade> handOver(@PathVariable UUID id, @Valid @RequestBody HandoverRequest request) {
        HandoverMade made = relationships.handOver(new RelationshipId(id), request.version(),
                new HelperId(request.newLeadHelperId()), request.reason(), request.note());
        return ResponseEntity.created(URI.create("/api/relationships/" + id + "/handovers/" + made.number())).body(made);
    }

    @GetMapping("/relationships/{id}/handovers")
    @Operation(summary = "A relationship's handovers, the first first", responses = {
            @ApiResponse(responseCode = "200", description = "The handovers"),
            @ApiResponse(responseCode = "404", description = "No such relationship for you",
                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    List<Handover> handovers(@PathVariable UUID id) {
        return relationships.handovers(new RelationshipId(id));
    }

    @GetMapping("/relationships/{id}/handovers/{number}")
    @Operation(summary = "One handover of a relationship", responses = {
            @ApiResponse(responseCode = "200", description = "The handover"),
            @ApiResponse(responseCode = "404", description = "No such relationship or handover for you",
                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    Handover handover(@PathVariable UUID id, @PathVariable int number) {
        return relationships.handovers(new RelationshipId(id)).stream().filter(h -> h.number() == number).findFirst()
                .orElseThrow(() -> new RecordNotFound("handover"));
    }

    @PostMapping("/relationships/{id}/handovers/{number}/confirmation")
    @Operation(summary = "The new lead helper confirms taking the work on (only they can)", responses = {
            @ApiResponse(responseCode = "200", description = "Confirmed; the relationship's new version"),
            @ApiResponse(responseCode = "403", description = "Supervisors and others not on the relationship cannot",
                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
            @ApiResponse(responseCode = "404", description = "No such relationship for you",
                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
            @ApiResponse(responseCode = "409", description = "Not the new lead helper, already confirmed, not the "
                    + "latest handover, or the relationship has ended",
                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    Map<String, Object> confirmHandover(@PathVariable UUID id, @PathVariable int number) {
        return Map.of("version", relationships.confirmHandover(new RelationshipId(id), number));
    }

    @PostMapping("/relationships/{id}/members")
    @Operation(summary = "A member joins the client party (couple, family or group)")
    ResponseEntity<Map<String, Object>> addMember(@PathVariable UUID id, @Valid @RequestBody MemberRequest request) {
        MemberId member = relationships.addClientMember(new RelationshipId(id),
                new NewClientMember(request.name(), request.joinedOn()));
        return ResponseEntity.status(201).body(Map.of("memberId", member.value()));
    }

    @PostMapping("/relationships/{id}/members/{memberId}/departure")
    @Operation(summary = "Record the day a member left the client party")
    ResponseEntity<Void> memberLeft(@PathVariable UUID id, @PathVariable UUID memberId,
            @Valid @RequestBody DepartureRequest request) {
        relationships.recordClientMemberLeft(new RelationshipId(id), new MemberId(memberId), request.leftOn());
        return ResponseEntity.noContent().build();
    }

    record ClientPartyRequest(@NotNull ClientPartyKind kind, @NotBlank @Size(max = 120) String name,
            @NotNull @Size(max = 50) List<@Valid MemberRequest> members) {
    }

    record MemberRequest(@NotBlank @Size(max = 120) String name, @Nullable LocalDate joinedOn) {
    }

    record ReferralRequest(@Nullable UUID submissionId, @Valid @Nullable ClientPartyRequest clientParty,
            @Nullable UUID existingClientPartyId, @NotBlank @Size(max = 200) String source,
            @NotBlank @Size(max = 4000) String reason, @NotNull LocalDate referredOn, @NotNull Urgency urgency,
            @NotNull UUID leadHelperId, @Nullable UUID teamId, @Nullable List<UUID> otherHelperIds,
            @Nullable @Size(max = 60) String processModel) {
    }

    record StatusRequest(@NotNull RelationshipStatus to, @NotBlank @Size(max = 1000) String reason,
            @NotNull Integer version) {
    }

    record PhaseMoveRequest(@NotBlank @Size(max = 60) String phase, @NotBlank @Size(max = 1000) String reason,
            @NotNull Integer version) {
    }

    record TaskRequest(@NotBlank @Size(max = 60) String phase, @Min(1) @Max(50) int taskNumber,
            @NotNull LocalDate doneOn) {
    }

    record AgreementRequest(@NotNull Integer version, @NotBlank @Size(max = 2000) String purposeInClientsWords,
            @NotBlank @Size(max = 200) String frequency, @Min(5) @Max(480) int sessionLengthMinutes,
            @NotEmpty List<MeetingMode> meetingModes, @NotBlank @Size(max = 4000) String rolesAndResponsibilities,
            @NotBlank @Size(max = 4000) String confidentiality, @NotNull LocalDate reviewOn,
            @NotBlank @Size(max = 2000) String endingPlan, @Nullable @Size(max = 1000) String changeNote) {
    }

    record AcceptanceRequest(@NotNull LocalDate acceptedOn, @NotNull AcceptanceMethod how) {
    }

    record HandoverRequest(@NotNull Integer version, @NotNull UUID newLeadHelperId, @NotNull HandoverReason reason,
            @NotBlank @Size(max = 4000) String note) {
    }

    record DepartureRequest(@NotNull LocalDate leftOn) {
    }
}
