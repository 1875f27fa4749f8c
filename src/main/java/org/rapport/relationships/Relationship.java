package org.rapport.relationships;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.processmodels.Phase;
import org.rapport.processmodels.ProcessModel;
import org.rapport.shared.FreeText;
import org.rapport.shared.RuleBroken;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A helping relationship: a helper party (one helper, or a team with a lead) and a client party
 * working together through the phases of one process model.
 *
 * <p>Its life: a referral arrives ({@link #refer}); the relationship waits or becomes active; the
 * helper and client write a working agreement and the client accepts each revision; the work moves
 * forward through the model's phases, sometimes a step back after a rupture or a new problem, with
 * the tasks of each phase ticked off; it may pause; it moves into its ending and ends. Every move
 * keeps who made it, when and why, and nothing is ever taken out of that history. Entering the
 * model's ending phase and the status "ending" always go together.
 */
@Table("relationship")
public class Relationship extends AbstractAggregateRoot<Relationship> {

    @Id
    private final UUID relationshipId;
    private final UUID organisationId;
    private final UUID clientPartyId;
    private final @Nullable UUID teamId;
    private final String processModelKey;
    private RelationshipStatus status;
    private int phaseIndex;
    private final String referralSource;
    /** Sealed with the rest of the narrative; the column is read only for a row an earlier version wrote. */
    @ReadOnlyProperty
    private String referralReason;
    private final LocalDate referredOn;
    private final Urgency urgency;
    private final @Nullable UUID submissionId;
    private final Instant openedAt;
    private @Nullable LocalDate lastContactOn;
    private final @Nullable UUID continuesFrom;
    @Version
    private @Nullable Integer version;
    /** The relationship's texts and those of its history, sealed: see {@link #texts()}. */
    private byte @Nullable [] narrative;
    /** Who took the referral, as they were named then; none for a referral an earlier version took. */
    private @Nullable String takenByName;

    @MappedCollection(idColumn = "relationship_id")
    private final Set<HelperOnRelationship> helpers;
    @MappedCollection(idColumn = "relationship_id", keyColumn = "position")
    private final List<StatusChange> statusChanges;
    @MappedCollection(idColumn = "relationship_id", keyColumn = "position")
    private final List<PhaseMove> phaseMoves;
    @MappedCollection(idColumn = "relationship_id", keyColumn = "position")
    private final List<TaskCompletion> taskCompletions;
    @MappedCollection(idColumn = "relationship_id", keyColumn = "position")
    private final List<AgreementRevision> agreementRevisions;
    @MappedCollection(idColumn = "relationship_id", keyColumn = "position")
    private final List<Handover> handovers;

    @PersistenceCreator
    Relationship(UUID relationshipId, UUID organisationId, UUID clientPartyId, @Nullable UUID teamId,
            String processModelKey, RelationshipStatus status, int phaseIndex, String referralSource,
            String referralReason, LocalDate referredOn, Urgency urgency, @Nullable UUID submissionId,
            Instant openedAt, @Nullable LocalDate lastContactOn, @Nullable UUID continuesFrom, @Nullable Integer version,
            Set<HelperOnRelationship> helpers, List<StatusChange> statusChanges, List<PhaseMove> phaseMoves,
            List<TaskCompletion> taskCompletions, List<AgreementRevision> agreementRevisions, List<Handover> handovers) {
        this.relationshipId = relationshipId;
        this.organisationId = organisationId;
        this.clientPartyId = clientPartyId;
        this.teamId = teamId;
        this.processModelKey = processModelKey;
        this.status = status;
        this.phaseIndex = phaseIndex;
        this.referralSource = referralSource;
        this.referralReason = referralReason;
        this.referredOn = referredOn;
        this.urgency = urgency;
        this.submissionId = submissionId;
        this.openedAt = openedAt;
        this.lastContactOn = lastContactOn;
        this.continuesFrom = continuesFrom;
        this.version = version;
        this.helpers = new HashSet<>(helpers);
        this.statusChanges = new ArrayList<>(statusChanges);
        this.phaseMoves = new ArrayList<>(phaseMoves);
        this.taskCompletions = new ArrayList<>(taskCompletions);
        this.agreementRevisions = new ArrayList<>(agreementRevisions);
        this.handovers = new ArrayList<>(handovers);
    }

    /** A referral opens the relationship in the model's first phase, waiting to be taken on. */
    static Relationship refer(UUID organisationId, UUID clientPartyId, HelperParty helperParty, ProcessModel model,
            Referral referral, @Nullable UUID submissionId, Instant at, LocalDate today) {
        return refer(organisationId, clientPartyId, helperParty, model, referral, submissionId, null, at, today);
    }

    /** A referral that continues the work of an earlier, ended relationship with the same client party. */
    static Relationship refer(UUID organisationId, UUID clientPartyId, HelperParty helperParty, ProcessModel model,
            Referral referral, @Nullable UUID submissionId, @Nullable UUID continuesFrom, Instant at, LocalDate today) {
        if (referral.referredOn().isAfter(today)) {
            throw new RuleBroken("The referral date cannot be in the future.");
        }
        Set<HelperOnRelationship> helpers = new HashSet<>();
        helperParty.helpers().forEach(h -> helpers.add(new HelperOnRelationship(h, h.equals(helperParty.lead()))));
        Relationship relationship = new Relationship(UUID.randomUUID(), organisationId, clientPartyId,
                helperParty.team(), model.key(), RelationshipStatus.REFERRED, 0, referral.source(),
                referral.reasonInReferrersWords(), referral.referredOn(), referral.urgency(), submissionId, at, null,
                continuesFrom, null, helpers, List.of(), List.of(), List.of(), List.of(), List.of());
        relationship.registerEvent(new RelationshipReferred(relationship.id(), at));
        return relationship;
    }

    /** Moves the status on, if the move is legal; "ending" takes the work into the model's ending phase. */
    void changeStatus(RelationshipStatus target, String reason, ProcessModel model, Actor by, Instant at) {
        String why = FreeText.required(reason, "The reason for the change", 1000);
        if (target == status) {
            throw new RuleBroken("The relationship is already " + status.label().toLowerCase() + ".");
        }
        if (!status.mayMoveTo(target)) {
            throw new RuleBroken("A relationship that is " + status.label().toLowerCase() + " cannot become "
                    + target.label().toLowerCase() + ". From here it can become: " + describe(status.next()) + ".");
        }
        RelationshipStatus previous = status;
        recordStatus(target, why, by, at);
        int endingPhase = model.phaseCount() - 1;
        if (target == RelationshipStatus.ENDING && phaseIndex != endingPhase) {
            recordPhaseMove(endingPhase, why, model, by, at);
        } else if (previous == RelationshipStatus.ENDING && target == RelationshipStatus.ACTIVE
                && phaseIndex == endingPhase && endingPhase > 0) {
            recordPhaseMove(endingPhase - 1, why, model, by, at);
        }
    }

    /**
     * Ends the work from its ending: a planned ending only from the ending phase (status "ending"),
     * an unplanned one from any open status. The status history keeps how and why.
     */
    void end(boolean planned, String reasonCode, String reasonLabel, LocalDate endedOn, Actor by, Instant at) {
        if (status == RelationshipStatus.ENDED) {
            throw new RuleBroken("The relationship has ended already.");
        }
        if (planned && status != RelationshipStatus.ENDING) {
            throw new RuleBroken("A planned ending closes from the ending phase; this relationship is "
                    + status.label().toLowerCase() + ".");
        }
        String code = FreeText.required(reasonCode, "The reason for the ending", 60);
        recordStatus(RelationshipStatus.ENDED, (planned ? "Ended as planned on " : "Ended unplanned on ") + endedOn
                + " (" + code + ")", by, at);
        registerEvent(new RelationshipEnded(id(), clientPartyId(), endedOn, planned, code,
                reasonLabel == null || reasonLabel.isBlank() ? code : reasonLabel, by.accountId(), by.name(), at));
    }

    /**
     * Moves to another phase of the model: forward one phase at a time, or a step back to any
     * earlier phase (a rupture, a new problem). Entering the ending phase starts the ending.
     */
    void moveToPhase(String phaseKey, String reason, ProcessModel model, Actor by, Instant at) {
        int target = model.indexOf(phaseKey);
        if (target < 0) {
            throw new RuleBroken("The process model '" + model.name() + "' has no phase '" + phaseKey + "'.");
        }
        if (!status.allowsPhaseMoves()) {
            throw new RuleBroken("Phases move only while the work is active; this relationship is "
                    + status.label().toLowerCase() + ".");
        }
        if (target == phaseIndex) {
            throw new RuleBroken("The relationship is already in the phase '" + model.phase(target).name() + "'.");
        }
        if (target > phaseIndex + 1) {
            throw new RuleBroken("Phases move forward one at a time: the next phase is '"
                    + model.phase(phaseIndex + 1).name() + "'.");
        }
        String why = FreeText.required(reason, target < phaseIndex ? "The reason for stepping back" : "The reason for moving on", 1000);
        int endingPhase = model.phaseCount() - 1;
        boolean wasEnding = phaseIndex == endingPhase;
        recordPhaseMove(target, why, model, by, at);
        if (target == endingPhase && status == RelationshipStatus.ACTIVE) {
            recordStatus(RelationshipStatus.ENDING, why, by, at);
        } else if (wasEnding && status == RelationshipStatus.ENDING) {
            recordStatus(RelationshipStatus.ACTIVE, why, by, at);
        }
    }

    /** Ticks off a task of the current or an earlier phase, on the day it was done. */
    void tickTask(String phaseKey, int taskIndex, LocalDate doneOn, ProcessModel model, Actor by, Instant at,
            LocalDate today) {
        if (status == RelationshipStatus.ENDED) {
            throw new RuleBroken("The relationship has ended; its tasks can no longer change.");
        }
        int phase = model.indexOf(phaseKey);
        if (phase < 0) {
            throw new RuleBroken("The process model '" + model.name() + "' has no phase '" + phaseKey + "'.");
        }
        if (phase > phaseIndex) {
            throw new RuleBroken("Tasks of a later phase are ticked off once the work reaches that phase.");
        }
        Phase p = model.phase(phase);
        if (taskIndex < 0 || taskIndex >= p.tasks().size()) {
            throw new RuleBroken("The phase '" + p.name() + "' has no task number " + (taskIndex + 1) + ".");
        }
        if (isTaskDone(phaseKey, taskIndex)) {
            throw new RuleBroken("That task is already ticked off.");
        }
        if (doneOn == null || doneOn.isAfter(today)) {
            throw new RuleBroken("A task is ticked off on the day it was done, which cannot be in the future.");
        }
        if (doneOn.isBefore(referredOn)) {
            throw new RuleBroken("A task cannot be done before the referral date (" + referredOn + ").");
        }
        taskCompletions.add(new TaskCompletion(phaseKey, taskIndex, p.tasks().get(taskIndex), doneOn, by.accountId(),
                by.name(), at));
    }

    /** Writes a new revision of the working agreement; every earlier revision is kept as it was. */
    int reviseAgreement(AgreementTerms terms, @Nullable String changeNote, Actor by, Instant at, LocalDate today) {
        if (status == RelationshipStatus.ENDED) {
            throw new RuleBroken("The relationship has ended; its working agreement can no longer change.");
        }
        if (terms.reviewOn().isBefore(today)) {
            throw new RuleBroken("The review date cannot be in the past.");
        }
        String note = FreeText.optional(changeNote, "The note on what changed", 1000);
        if (!agreementRevisions.isEmpty() && note == null) {
            throw new RuleBroken("Say in a few words what this revision changes.");
        }
        int revision = agreementRevisions.size() + 1;
        agreementRevisions.add(AgreementRevision.written(revision, terms, note, by, at));
        registerEvent(new AgreementRevised(id(), revision, at));
        return revision;
    }

    /** Records that the client accepted the latest revision: how, and on which day. */
    void acceptAgreement(int revision, LocalDate acceptedOn, AcceptanceMethod how, Actor recordedBy, Instant at,
            LocalDate today, ZoneId zone) {
        if (status == RelationshipStatus.ENDED) {
            throw new RuleBroken("The relationship has ended; its working agreement can no longer change.");
        }
        if (agreementRevisions.isEmpty()) {
            throw new RuleBroken("There is no working agreement to accept yet.");
        }
        if (revision < 1 || revision > agreementRevisions.size()) {
            throw new RuleBroken("The working agreement has no revision " + revision + ".");
        }
        if (revision != agreementRevisions.size()) {
            throw new RuleBroken("Only the latest revision (" + agreementRevisions.size() + ") can be accepted.");
        }
        AgreementRevision latest = agreementRevisions.get(revision - 1);
        if (latest.isAccepted()) {
            throw new RuleBroken("Revision " + revision + " was already accepted on " + latest.acceptedOn() + ".");
        }
        if (how == null) {
            throw new RuleBroken("Say how the client accepted the agreement.");
        }
        if (acceptedOn == null || acceptedOn.isAfter(today)) {
            throw new RuleBroken("The day the client accepted cannot be in the future.");
        }
        if (acceptedOn.isBefore(LocalDate.ofInstant(latest.writtenAt(), zone))) {
            throw new RuleBroken("The client cannot accept a revision before it was written.");
        }
        agreementRevisions.set(revision - 1, latest.acceptedBy(acceptedOn, how, recordedBy, at));
        if (lastContactOn == null || acceptedOn.isAfter(lastContactOn)) {
            lastContactOn = acceptedOn;
        }
        registerEvent(new AgreementAccepted(id(), revision, acceptedOn));
    }

    /**
     * Hands the relationship over to another lead helper: the new helper leads, the one who led
     * leaves the helper party, and the handover is kept with its reason and note. An accepted
     * working agreement is written again, unchanged, as a new revision for the new helper to
     * confirm and the client to accept again; one not yet accepted simply stays awaiting acceptance.
     */
    Handover handOver(UUID newLead, String newLeadName, String oldLeadName, HandoverReason reason,
            String handoverNote, Actor by, Instant at) {
        if (status == RelationshipStatus.ENDED) {
            throw new RuleBroken("The relationship has ended; it can no longer be handed over.");
        }
        if (newLead == null) throw new RuleBroken("Choose the helper who takes the relationship over.");
        UUID oldLead = leadHelperId();
        if (newLead.equals(oldLead)) {
            throw new RuleBroken(newLeadName + " already leads this relationship; choose another helper.");
        }
        if (reason == null) throw new RuleBroken("Choose why the relationship is handed over.");
        String note = FreeText.required(handoverNote, "The handover note", 4000);
        HelperParty party = new HelperParty(oldLead, teamId, new HashSet<>(helperIds())).handedTo(newLead);
        helpers.clear();
        party.helpers().forEach(h -> helpers.add(new HelperOnRelationship(h, h.equals(party.lead()))));
        Integer revision = null;
        Optional<AgreementRevision> current = currentAgreement();
        if (current.isPresent() && current.get().isAccepted()) {
            revision = agreementRevisions.size() + 1;
            agreementRevisions.add(AgreementRevision.written(revision, current.get().terms(),
                    "Handed over from " + oldLeadName + " to " + newLeadName
                            + ": unchanged, for the new helper to confirm and the client to accept again.",
                    by, at));
            registerEvent(new AgreementRevised(id(), revision, at));
        } else if (current.isPresent()) {
            revision = current.get().revision();
        }
        Handover handover = new Handover(handovers.size() + 1, oldLead, oldLeadName, newLead, newLeadName, reason, note,
                revision, by.accountId(), by.name(), at, null, null);
        handovers.add(handover);
        registerEvent(new RelationshipHandedOver(id(), handover.number(), oldLead, newLead, reason, at));
        return handover;
    }

    /** The new lead helper confirms taking the work on (and its working agreement), after the latest handover. */
    void confirmHandover(int number, Actor by, Instant at) {
        if (status == RelationshipStatus.ENDED) {
            throw new RuleBroken("The relationship has ended; its handover can no longer be confirmed.");
        }
        if (number < 1 || number > handovers.size()) {
            throw new RuleBroken("This relationship has no handover " + number + ".");
        }
        if (number != handovers.size()) {
            throw new RuleBroken("Only the latest handover (" + handovers.size() + ") is confirmed.");
        }
        Handover latest = handovers.get(number - 1);
        if (latest.isConfirmed()) {
            throw new RuleBroken(latest.confirmedByName() + " already confirmed taking the work on.");
        }
        if (by.helperId() == null || !by.helperId().equals(latest.toHelperId())) {
            throw new RuleBroken("Only " + latest.toHelperName() + ", the new lead helper, confirms taking the work on.");
        }
        handovers.set(number - 1, latest.confirmedBy(by.name(), at));
    }

    /** What the latest handover still waits for, in plain words; empty once it is complete (or without a handover). */
    public List<String> awaitedAfterHandover() {
        if (handovers.isEmpty() || status == RelationshipStatus.ENDED) return List.of();
        Handover latest = handovers.get(handovers.size() - 1);
        List<String> awaited = new ArrayList<>();
        if (!latest.isConfirmed()) {
            awaited.add(latest.toHelperName() + " to confirm taking the work on, with its working agreement.");
        }
        if (latest.agreementRevision() != null && currentAgreement().map(a -> !a.isAccepted()).orElse(false)) {
            awaited.add("The client's acceptance of the working agreement (revision "
                    + currentAgreement().get().revision() + ").");
        }
        return awaited;
    }

    private void recordStatus(RelationshipStatus target, String reason, Actor by, Instant at) {
        statusChanges.add(new StatusChange(status, target, reason, by.accountId(), by.name(), at));
        RelationshipStatus previous = status;
        status = target;
        registerEvent(new RelationshipStatusChanged(id(), previous, target, at));
    }

    private void recordPhaseMove(int target, String reason, ProcessModel model, Actor by, Instant at) {
        phaseMoves.add(new PhaseMove(phaseIndex, target, model.phase(phaseIndex).name(), model.phase(target).name(),
                reason, by.accountId(), by.name(), at));
        phaseIndex = target;
        registerEvent(new PhaseChanged(id(), model.phase(target).key(), at));
    }

    private static String describe(Set<RelationshipStatus> statuses) {
        if (statuses.isEmpty()) return "nothing else";
        return String.join(", ", statuses.stream().sorted().map(s -> s.label().toLowerCase()).toList());
    }

    boolean isTaskDone(String phaseKey, int taskIndex) {
        return taskCompletions.stream().anyMatch(t -> t.phaseKey().equals(phaseKey) && t.taskIndex() == taskIndex);
    }

    boolean hasHelper(UUID helperId) {
        return helpers.stream().anyMatch(h -> h.helperId().equals(helperId));
    }

    public RelationshipId id() {
        return new RelationshipId(relationshipId);
    }

    UUID organisationId() {
        return organisationId;
    }

    public UUID clientPartyId() {
        return clientPartyId;
    }

    public @Nullable UUID teamId() {
        return teamId;
    }

    public String processModelKey() {
        return processModelKey;
    }

    public RelationshipStatus status() {
        return status;
    }

    public int phaseIndex() {
        return phaseIndex;
    }

    public Referral referral() {
        return new Referral(referralSource, referralReason, referredOn, urgency);
    }

    /** Who took the referral: the person who entered it, or the client through their reconnect link. */
    @Nullable String takenByName() {
        return takenByName;
    }

    void takenBy(String name) {
        this.takenByName = name;
    }

    @Nullable UUID submissionId() {
        return submissionId;
    }

    public Instant openedAt() {
        return openedAt;
    }

    /** The earlier, ended relationship whose work this one continues, if any. */
    public Optional<RelationshipId> continuesFrom() {
        return Optional.ofNullable(continuesFrom).map(RelationshipId::new);
    }

    /** The day the relationship ended, if it has. */
    public Optional<Instant> endedAt() {
        return statusChanges.stream().filter(c -> c.toStatus() == RelationshipStatus.ENDED)
                .map(StatusChange::changedAt).reduce((a, b) -> b);
    }

    public @Nullable LocalDate lastContactOn() {
        return lastContactOn;
    }

    public int version() {
        return version == null ? 0 : version;
    }

    public UUID leadHelperId() {
        return helpers.stream().filter(HelperOnRelationship::lead).findFirst().orElseThrow().helperId();
    }

    public List<UUID> helperIds() {
        return helpers.stream().sorted(Comparator.comparing((HelperOnRelationship h) -> !h.lead())
                .thenComparing(HelperOnRelationship::helperId)).map(HelperOnRelationship::helperId).toList();
    }

    public List<StatusChange> statusChanges() {
        return List.copyOf(statusChanges);
    }

    /**
     * The phases the work has been in, in the order it entered them: the first phase, then where each
     * move took it (so a step back shows as a return). A phase the work skipped, as the move into
     * the ending phase may skip some, is not among them.
     */
    public List<String> phasePath(ProcessModel model) {
        List<String> path = new ArrayList<>();
        path.add(phaseMoves.isEmpty() ? model.phase(0).name() : phaseMoves.get(0).fromPhaseName());
        for (PhaseMove move : phaseMoves) {
            if (!path.get(path.size() - 1).equals(move.toPhaseName())) path.add(move.toPhaseName());
        }
        return path;
    }

    public List<PhaseMove> phaseMoves() {
        return List.copyOf(phaseMoves);
    }

    public List<TaskCompletion> taskCompletions() {
        return List.copyOf(taskCompletions);
    }

    public List<AgreementRevision> agreementRevisions() {
        return List.copyOf(agreementRevisions);
    }

    public List<Handover> handovers() {
        return List.copyOf(handovers);
    }

    public Optional<AgreementRevision> currentAgreement() {
        return agreementRevisions.isEmpty() ? Optional.empty()
                : Optional.of(agreementRevisions.get(agreementRevisions.size() - 1));
    }

    /** The review date the client agreed to: that of the latest accepted revision, else of the latest one. */
    public Optional<LocalDate> nextReviewOn() {
        for (int i = agreementRevisions.size() - 1; i >= 0; i--) {
            if (agreementRevisions.get(i).isAccepted()) return Optional.of(agreementRevisions.get(i).reviewOn());
        }
        return currentAgreement().map(AgreementRevision::reviewOn);
    }

    /**
     * Every text of the relationship and its history, keyed by the column that held it in the clear
     * and, in the history, by position: {@code referral_reason}, {@code status_change.2.reason},
     * {@code phase_move.0.reason}, {@code agreement_revision.1.confidentiality},
     * {@code handover.0.note}. Sealed as one document on each save.
     */
    Map<String, @Nullable String> texts() {
        Map<String, @Nullable String> texts = new LinkedHashMap<>();
        texts.put("referral_reason", referralReason);
        for (int i = 0; i < statusChanges.size(); i++) texts.put("status_change." + i + ".reason", statusChanges.get(i).reason());
        for (int i = 0; i < phaseMoves.size(); i++) texts.put("phase_move." + i + ".reason", phaseMoves.get(i).reason());
        for (int i = 0; i < agreementRevisions.size(); i++) {
            AgreementRevision r = agreementRevisions.get(i);
            String at = "agreement_revision." + i + ".";
            texts.put(at + "purpose_in_clients_words", r.purposeInClientsWords());
            texts.put(at + "roles_and_responsibilities", r.rolesAndResponsibilities());
            texts.put(at + "confidentiality", r.confidentiality());
            texts.put(at + "ending_plan", r.endingPlan());
            texts.put(at + "change_note", r.changeNote());
        }
        for (int i = 0; i < handovers.size(); i++) texts.put("handover." + i + ".note", handovers.get(i).note());
        return texts;
    }

    byte @Nullable [] narrative() {
        return narrative;
    }

    void seal(byte[] sealed) {
        this.narrative = sealed;
    }

    /**
     * Puts back the texts of {@link #texts()} as they were sealed. A text the document lacks keeps what
     * was loaded: a row an earlier version wrote in the clear, not sealed yet.
     */
    void open(Map<String, String> texts) {
        referralReason = texts.getOrDefault("referral_reason", referralReason);
        for (int i = 0; i < statusChanges.size(); i++) {
            StatusChange c = statusChanges.get(i);
            statusChanges.set(i, c.withReason(texts.getOrDefault("status_change." + i + ".reason", c.reason())));
        }
        for (int i = 0; i < phaseMoves.size(); i++) {
            PhaseMove m = phaseMoves.get(i);
            phaseMoves.set(i, m.withReason(texts.getOrDefault("phase_move." + i + ".reason", m.reason())));
        }
        for (int i = 0; i < agreementRevisions.size(); i++) {
            AgreementRevision r = agreementRevisions.get(i);
            String at = "agreement_revision." + i + ".";
            agreementRevisions.set(i, r.withTexts(texts.getOrDefault(at + "purpose_in_clients_words", r.purposeInClientsWords()),
                    texts.getOrDefault(at + "roles_and_responsibilities", r.rolesAndResponsibilities()),
                    texts.getOrDefault(at + "confidentiality", r.confidentiality()),
                    texts.getOrDefault(at + "ending_plan", r.endingPlan()),
                    texts.containsKey(at + "change_note") ? texts.get(at + "change_note") : r.changeNote()));
        }
        for (int i = 0; i < handovers.size(); i++) {
            Handover h = handovers.get(i);
            handovers.set(i, h.withNote(texts.getOrDefault("handover." + i + ".note", h.note())));
        }
    }

    public boolean isReviewOverdue(LocalDate today) {
        return status.isOpen() && nextReviewOn().map(today::isAfter).orElse(false);
    }
}
