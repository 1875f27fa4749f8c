package org.rapport.relationships;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.CurrentUser;
import org.rapport.accounts.Role;
import org.rapport.audit.AuditTrail;
import org.rapport.people.ClientParty;
import org.rapport.people.ClientPartyId;
import org.rapport.people.ClientPartySummary;
import org.rapport.people.Helper;
import org.rapport.people.HelperId;
import org.rapport.people.MemberId;
import org.rapport.people.NewClientMember;
import org.rapport.people.PeopleDirectory;
import org.rapport.people.PeopleManagement;
import org.rapport.people.Team;
import org.rapport.people.TeamId;
import org.rapport.processmodels.Phase;
import org.rapport.processmodels.ProcessModel;
import org.rapport.processmodels.ProcessModels;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.Tenancy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The relationships module's commands and reads: take a referral, move status and phase, tick
 * tasks, write and accept the working agreement, manage the client party's members, and show the
 * caseload and the relationship page. Each call checks that the signed-in person may see (or
 * change) the relationship, and writes the audit trail of the client's record.
 */
@Service
public class RelationshipManagement {

    private static final String RECORD = "relationship";

    private final Relationships relationships;
    private final CaseloadQuery caseloadQuery;
    private final RelationshipAccess access;
    private final PeopleDirectory directory;
    private final PeopleManagement people;
    private final ProcessModels models;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectProvider<TimelineSource> timelineSources;
    private final ObjectProvider<CaseloadSignals> caseloadSignals;
    private final AccountManagement accounts;

    RelationshipManagement(Relationships relationships, CaseloadQuery caseloadQuery, RelationshipAccess access, PeopleDirectory directory,
            PeopleManagement people, ProcessModels models, AuditTrail audit, Clock clock,
            ObjectProvider<TimelineSource> timelineSources, ObjectProvider<CaseloadSignals> caseloadSignals,
            AccountManagement accounts) {
        this.relationships = relationships;
        this.caseloadQuery = caseloadQuery;
        this.access = access;
        this.directory = directory;
        this.people = people;
        this.models = models;
        this.audit = audit;
        this.clock = clock;
        this.timelineSources = timelineSources;
        this.caseloadSignals = caseloadSignals;
        this.accounts = accounts;
    }

    /**
     * How many relationships of the organisation in scope have not ended: a number for its
     * operator, naming no relationship and no client.
     */
    @Transactional(readOnly = true)
    public long openRelationshipCount() {
        return relationships.countOpen();
    }

    /**
     * What another module needs to know of a relationship the signed-in person may see. Not audited
     * here: the caller audits the record it reads.
     */
    @Transactional(readOnly = true)
    public RelationshipInfo describe(RelationshipId id) {
        CurrentUser user = staff();
        return info(visible(id, user), user);
    }

    /** As {@link #describe}, for a change: refused unless the signed-in person may change the relationship. */
    @Transactional(readOnly = true)
    public RelationshipInfo describeForChange(RelationshipId id) {
        CurrentUser user = staff();
        Relationship relationship = visible(id, user);
        if (!access.mayChange(user, relationship)) {
            throw new AccessDeniedException("Only the relationship's own helpers and admins change it.");
        }
        return info(relationship, user);
    }

    /**
     * The client party of a relationship in the organisation in scope, with nobody signed in: for
     * work a client starts from a link (their answers raising an alert). Reveals no more than the id.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> clientPartyOf(RelationshipId id) {
        return relationships.findById(id.value()).map(Relationship::clientPartyId);
    }

    /**
     * Every relationship not yet ended in the organisation in scope, with nobody signed in: for
     * background work such as the daily alert sweep. Reveals ids, status and the agreement's next
     * review date only; pages and the API never call it.
     */
    @Transactional(readOnly = true)
    public List<OpenRelationship> openRelationshipsInScope() {
        return caseloadQuery.rows(null, null, false).stream()
                .map(r -> new OpenRelationship(new RelationshipId(r.relationshipId()), r.clientPartyId(), r.status(),
                        r.nextReviewOn()))
                .toList();
    }

    private RelationshipInfo info(Relationship relationship, CurrentUser user) {
        return info(relationship, access.mayChange(user, relationship));
    }

    private RelationshipInfo info(Relationship relationship, boolean mayChange) {
        ProcessModel model = model(relationship.processModelKey());
        Phase phase = model.phase(relationship.phaseIndex());
        return new RelationshipInfo(relationship.id(), relationship.clientPartyId(), relationship.status(),
                model.key(), relationship.phaseIndex(), phase.key(), phase.name(), relationship.leadHelperId(),
                relationship.helperIds(), relationship.referral().referredOn(), mayChange, relationship.version());
    }

    /**
     * Takes a referral: registers the client party if it is new, and opens the relationship in the
     * first phase of its model with the status "referred". A referral sent twice with the same
     * submission id opens one relationship.
     */
    @Transactional
    public RelationshipId refer(NewReferral referral) {
        if (referral == null) throw new RuleBroken("Give the referral.");
        if (CurrentUser.find().isEmpty()) return referForClient(referral);
        CurrentUser user = staff();
        if (referral.submissionId() != null) {
            var earlier = relationships.findBySubmissionId(referral.submissionId());
            if (earlier.isPresent()) {
                if (access.maySee(user, earlier.get())) return earlier.get().id();
                throw new RuleBroken("This referral was already submitted.");
            }
        }
        ProcessModel model = model(referral.processModelKey());
        HelperParty helperParty = helperParty(referral.leadHelper(), referral.team(), referral.otherHelpers());
        if (!user.isAdmin() && !helperParty.helpers().contains(user.helperId())) {
            throw new RuleBroken("A helper takes referrals for work they are part of: include yourself among the helpers.");
        }
        UUID clientPartyId;
        if (referral.newClientParty() != null) {
            clientPartyId = people.registerClientParty(referral.newClientParty()).value();
        } else if (referral.existingClientParty() != null) {
            ClientParty existing = people.clientParty(referral.existingClientParty());
            if (!user.isAdmin() && relationshipsWithClient(existing.id().value()).stream().noneMatch(r -> access.maySee(user, r))) {
                throw new RecordNotFound("client");
            }
            clientPartyId = existing.id().value();
        } else {
            throw new RuleBroken("Say who the referral is for: a new client party or one already known.");
        }
        if (referral.continuesFrom() != null) {
            Relationship earlier = visible(referral.continuesFrom(), user);
            mayBeContinued(earlier);
            if (!earlier.clientPartyId().equals(clientPartyId))
                throw new RuleBroken("A new referral continues only work with the same client party.");
        }
        Relationship relationship = Relationship.refer(Tenancy.require().value(), clientPartyId, helperParty, model,
                referral.referral(), referral.submissionId(),
                referral.continuesFrom() == null ? null : referral.continuesFrom().value(), now(), today());
        relationship.takenBy(user.displayName());
        saveNew(relationship);
        audit.changed(RECORD, relationship.id().value(), clientPartyId, "took a referral (" + model.name() + ")"
                + (referral.continuesFrom() == null ? "" : " continuing earlier work"));
        return relationship.id();
    }

    /**
     * A referral a former client asks for themselves, from a link, with nobody signed in: only one
     * that continues an ended relationship, for the same client party, back to the same lead helper,
     * following the same process model.
     */
    static final String CLIENTS_OWN_REFERRAL = "The client, through their reconnect link";

    private RelationshipId referForClient(NewReferral referral) {
        if (referral.continuesFrom() == null || referral.newClientParty() != null || referral.existingClientParty() == null)
            throw new AccessDeniedException("Without signing in, a referral can only continue earlier work.");
        Relationship earlier = relationships.findById(referral.continuesFrom().value())
                .orElseThrow(() -> new RecordNotFound(RECORD));
        mayBeContinued(earlier);
        if (!earlier.clientPartyId().equals(referral.existingClientParty().value())
                || !earlier.leadHelperId().equals(referral.leadHelper().value())
                || !earlier.processModelKey().equals(referral.processModelKey())
                || !referral.otherHelpers().isEmpty() || referral.team() != null)
            throw new AccessDeniedException("A client's own referral goes back to the same helper, in the same way of working.");
        ProcessModel model = model(referral.processModelKey());
        HelperParty helperParty = helperParty(referral.leadHelper(), null, List.of());
        Relationship relationship = Relationship.refer(Tenancy.require().value(), earlier.clientPartyId(), helperParty, model,
                referral.referral(), referral.submissionId(), earlier.id().value(), now(), today());
        relationship.takenBy(CLIENTS_OWN_REFERRAL);
        saveNew(relationship);
        audit.changed(RECORD, relationship.id().value(), earlier.clientPartyId(),
                "the client asked to get back in touch: a referral continuing earlier work (" + model.name() + ")");
        return relationship.id();
    }

    /** Refuses to continue work that has not ended, or that an open relationship already continues. */
    private void mayBeContinued(Relationship earlier) {
        if (earlier.status() != RelationshipStatus.ENDED)
            throw new RuleBroken("The earlier work has not ended, so a new referral cannot continue it.");
        if (openContinuation(earlier.id()).isPresent()) throw new ContinuedAlready();
    }

    /**
     * Stores a new relationship. A continuation another request opened at the same moment is caught
     * by the database's rule (one open continuation per earlier relationship, V15) and answered as
     * {@link ContinuedAlready}, like the check before it.
     */
    private void saveNew(Relationship relationship) {
        try {
            relationships.save(relationship);
        } catch (DuplicateKeyException e) {
            if (relationship.continuesFrom().isEmpty()) throw e;
            throw new ContinuedAlready();
        }
    }

    private Optional<Relationship> openContinuation(RelationshipId earlier) {
        return relationships.findByContinuesFrom(earlier.value()).stream()
                .filter(r -> r.status().isOpen()).findFirst();
    }

    /**
     * The open relationship that continues an earlier one, in the organisation in scope, with or
     * without anyone signed in: for work a former client starts from a link. Reveals only the id.
     */
    @Transactional(readOnly = true)
    public Optional<RelationshipId> openContinuationOf(RelationshipId earlier) {
        if (earlier == null) return Optional.empty();
        return openContinuation(earlier).map(Relationship::id);
    }

    /**
     * What a link a former client holds needs of their relationship, with nobody signed in: its
     * parties, status and model (never whether anyone may change it). Not audited here: the caller
     * audits what it reads. Empty when the organisation in scope has no such relationship.
     */
    @Transactional(readOnly = true)
    public Optional<RelationshipInfo> describeForClientLink(RelationshipId id) {
        if (id == null) return Optional.empty();
        // Nobody signed in may change anything through a client's link.
        return relationships.findById(id.value()).map(relationship -> info(relationship, false));
    }

    @Transactional
    public int changeStatus(RelationshipId id, int expectedVersion, RelationshipStatus target, String reason) {
        if (target == null) throw new RuleBroken("Choose the status to move to.");
        Relationship relationship = forChange(id, expectedVersion);
        if (target == RelationshipStatus.ENDED && relationship.status().endsThroughTheEnding()) {
            throw new RuleBroken("Close the work from its ending: open the Ending on the relationship page to close it as "
                    + "planned, with its four parts, or as unplanned, with its reason.");
        }
        relationship.changeStatus(target, reason, model(relationship.processModelKey()), actor(), now());
        return save(relationship, "status changed to " + target.label().toLowerCase());
    }

    /**
     * Ends the work, for the endings module: a planned ending from the ending phase, or an unplanned
     * one from any work under way. Takes the relationship out of the active caseload and returns its
     * new version. The caller records the ending itself (its parts, date and reason).
     *
     * @param endedOn    the day the work ended: not in the future, not before the referral
     * @param reasonCode the reason's code, kept in the status history (for example {@code goals-met})
     * @throws RuleBroken when the relationship has ended already, or a planned ending is not in its ending phase
     * @throws OptimisticLockingFailureException when the relationship changed since {@code expectedVersion}
     */
    @Transactional
    public int end(RelationshipId id, int expectedVersion, LocalDate endedOn, boolean planned, String reasonCode) {
        return end(id, expectedVersion, endedOn, planned, reasonCode, reasonCode);
    }

    /**
     * Ends the work as {@link #end(RelationshipId, int, LocalDate, boolean, String)} does, with the
     * reason's label as helpers read it (carried by {@link RelationshipEnded}). Publishes
     * {@link RelationshipStatusChanged} and {@link RelationshipEnded} in the same transaction.
     */
    @Transactional
    public int end(RelationshipId id, int expectedVersion, LocalDate endedOn, boolean planned, String reasonCode,
            String reasonLabel) {
        Relationship relationship = forChange(id, expectedVersion);
        if (endedOn == null) throw new RuleBroken("Give the day the work ended.");
        if (endedOn.isAfter(today())) throw new RuleBroken("The ending date cannot be in the future.");
        if (endedOn.isBefore(relationship.referral().referredOn())) {
            throw new RuleBroken("The ending date cannot be before the referral (" + relationship.referral().referredOn() + ").");
        }
        relationship.end(planned, reasonCode, reasonLabel, endedOn, actor(), now());
        return save(relationship, planned ? "ended the work as planned" : "ended the work unplanned");
    }

    @Transactional
    public int moveToPhase(RelationshipId id, int expectedVersion, String phaseKey, String reason) {
        Relationship relationship = forChange(id, expectedVersion);
        ProcessModel model = model(relationship.processModelKey());
        relationship.moveToPhase(phaseKey == null ? "" : phaseKey, reason, model, actor(), now());
        return save(relationship, "moved to phase " + model.phase(relationship.phaseIndex()).name());
    }

    @Transactional
    public int tickTask(RelationshipId id, String phaseKey, int taskIndex, LocalDate doneOn) {
        Relationship relationship = forChange(id, null);
        relationship.tickTask(phaseKey == null ? "" : phaseKey, taskIndex, doneOn,
                model(relationship.processModelKey()), actor(), now(), today());
        return save(relationship, "ticked off a phase task");
    }

    /** Writes a new revision of the working agreement and returns its number. */
    @Transactional
    public int reviseAgreement(RelationshipId id, int expectedVersion, AgreementTerms terms, @Nullable String changeNote) {
        Relationship relationship = forChange(id, expectedVersion);
        int revision = relationship.reviseAgreement(terms, changeNote, actor(), now(), today());
        save(relationship, "wrote working agreement revision " + revision);
        return revision;
    }

    @Transactional
    public int acceptAgreement(RelationshipId id, int revision, LocalDate acceptedOn, AcceptanceMethod how) {
        Relationship relationship = forChange(id, null);
        relationship.acceptAgreement(revision, acceptedOn, how, actor(), now(), today(), clock.getZone());
        return save(relationship, "recorded the client's acceptance of agreement revision " + revision);
    }

    /**
     * Hands an open relationship over to another lead helper, for a reason and with a handover note.
     * The new lead must be an active helper of this organisation who signs in with the helper role,
     * and not already the lead; the helper who led leaves the relationship. Upcoming sessions move with it (the
     * sessions module listens to {@link RelationshipHandedOver} in the same transaction), and an
     * accepted working agreement waits for the new helper's confirmation and the client's acceptance
     * again. Only the relationship's helpers and admins hand it over.
     */
    @Transactional
    public HandoverMade handOver(RelationshipId id, int expectedVersion, HelperId newLead, HandoverReason reason,
            String handoverNote) {
        Relationship relationship = forChange(id, expectedVersion);
        if (!relationship.status().isOpen()) {
            throw new RuleBroken("The relationship has ended; it can no longer be handed over.");
        }
        if (newLead == null) throw new RuleBroken("Choose the helper who takes the relationship over.");
        Helper helper = directory.helper(newLead).orElseThrow(() -> new RuleBroken(
                "That helper is not one of this organisation's helpers. A relationship is handed over only within "
                        + "its organisation: choose the new helper from the list."));
        if (!helper.active()) throw new RuleBroken(helper.name() + " is no longer active and cannot take the relationship over.");
        if (helper.username() == null) {
            throw new RuleBroken(helper.name() + " cannot sign in yet, so could not confirm taking the work on. "
                    + "Give them a sign-in first.");
        }
        UserDetails account = accounts.loadUserByUsername(helper.username());
        if (!account.isEnabled() || account.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals("ROLE_HELPER"))) {
            throw new RuleBroken(helper.name() + " does not sign in as a helper, so could not carry the work on. "
                    + "Choose a helper who works with clients.");
        }
        UUID oldLead = relationship.leadHelperId();
        String oldLeadName = directory.helperNames(List.of(new HelperId(oldLead)))
                .getOrDefault(new HelperId(oldLead), "Unknown helper");
        Handover handover = relationship.handOver(newLead.value(), helper.name(), oldLeadName, reason, handoverNote,
                actor(), now());
        int version = save(relationship, "handed the relationship over to another helper ("
                + handover.reason().label().toLowerCase() + ")");
        return new HandoverMade(handover.number(), version);
    }

    /**
     * The new lead helper confirms taking the work on after a handover (only they can); returns the
     * relationship's new version. The client's acceptance of the agreement is recorded as ever,
     * with {@link #acceptAgreement}.
     */
    @Transactional
    public int confirmHandover(RelationshipId id, int number) {
        Relationship relationship = forChange(id, null);
        relationship.confirmHandover(number, actor(), now());
        return save(relationship, "confirmed taking the relationship on after handover " + number);
    }

    /** The relationship's handovers, the first first; the read is audited. */
    @Transactional
    public List<Handover> handovers(RelationshipId id) {
        Relationship relationship = visible(id, staff());
        audit.read(RECORD, id.value(), relationship.clientPartyId(), "read the relationship's handovers");
        return relationship.handovers();
    }

    @Transactional
    public MemberId addClientMember(RelationshipId id, NewClientMember member) {
        Relationship relationship = forChange(id, null);
        requireOpen(relationship);
        return people.addMember(new ClientPartyId(relationship.clientPartyId()), member);
    }

    @Transactional
    public void recordClientMemberLeft(RelationshipId id, MemberId member, LocalDate leftOn) {
        Relationship relationship = forChange(id, null);
        requireOpen(relationship);
        if (leftOn != null && leftOn.isAfter(today())) throw new RuleBroken("The day a member left cannot be in the future.");
        people.recordMemberLeft(new ClientPartyId(relationship.clientPartyId()), member, leftOn);
    }

    /** The relationship page's content; reading it is audited, which is why this is not read-only. */
    @Transactional
    public RelationshipOverview overview(RelationshipId id) {
        CurrentUser user = staff();
        Relationship relationship = visible(id, user);
        ProcessModel model = model(relationship.processModelKey());
        ClientParty client = people.clientParty(new ClientPartyId(relationship.clientPartyId()));
        Map<HelperId, String> names = directory.helperNames(
                relationship.helperIds().stream().map(HelperId::new).toList());
        List<RelationshipOverview.HelperName> helpers = relationship.helperIds().stream()
                .map(h -> new RelationshipOverview.HelperName(names.getOrDefault(new HelperId(h), "Unknown helper"),
                        h.equals(relationship.leadHelperId())))
                .toList();
        String teamName = relationship.teamId() == null ? null
                : directory.team(new TeamId(relationship.teamId())).map(Team::name).orElse(null);
        Phase phase = model.phase(relationship.phaseIndex());
        List<PhaseTask> tasks = new ArrayList<>();
        for (int i = 0; i < phase.tasks().size(); i++) {
            int index = i;
            var done = relationship.taskCompletions().stream()
                    .filter(t -> t.phaseKey().equals(phase.key()) && t.taskIndex() == index).findFirst();
            tasks.add(new PhaseTask(phase.key(), i, phase.tasks().get(i), done.map(TaskCompletion::doneOn).orElse(null),
                    done.map(TaskCompletion::doneByName).orElse(null)));
        }
        audit.read(RECORD, id.value(), relationship.clientPartyId(), "opened the relationship page");
        List<TimelineEntry> timeline = new ArrayList<>(Timeline.of(relationship, client));
        timelineSources.orderedStream().forEach(source -> timeline.addAll(source.timelineOf(id)));
        timeline.sort(Comparator.comparing(TimelineEntry::at).reversed());
        CaseloadSignals.Signal signal = signalsFor(List.of(id)).get(id);
        Continuation continuesFrom = relationship.continuesFrom()
                .flatMap(earlier -> relationships.findById(earlier.value()))
                .filter(earlier -> access.maySee(user, earlier))
                .map(earlier -> new Continuation(earlier.id(),
                        earlier.endedAt().map(at -> LocalDate.ofInstant(at, clock.getZone())).orElse(earlier.referral().referredOn())))
                .orElse(null);
        Continuation continuedIn = relationships.findByContinuesFrom(id.value()).stream()
                .filter(later -> access.maySee(user, later))
                .max(Comparator.comparing(Relationship::openedAt))
                .map(later -> new Continuation(later.id(), later.referral().referredOn()))
                .orElse(null);
        return new RelationshipOverview(relationship.id(), relationship.version(), client, helpers, teamName,
                relationship.status(), relationship.status().nextByStatusChange(), model, relationship.phaseIndex(), tasks,
                relationship.referral(), relationship.agreementRevisions(), relationship.nextReviewOn().orElse(null),
                relationship.isReviewOverdue(today()),
                latest(relationship.lastContactOn(), signal == null ? null : signal.lastContactOn()), timeline,
                access.mayChange(user, relationship), relationship.handovers(), relationship.awaitedAfterHandover(),
                user.helperId(), continuesFrom, continuedIn);
    }

    /**
     * The relationships this person sees, the most pressing first: open alerts by their urgency
     * (risk, not on track, alliance slipping), then overdue reviews, then lapsing, then urgency.
     */
    @Transactional(readOnly = true)
    public List<CaseloadEntry> caseload(boolean includeEnded) {
        CurrentUser user = staff();
        return entries(user, caseloadQuery.rows(user.isAdmin() ? null : access.visibleHelpers(user),
                user.helperId(), includeEnded));
    }

    /** The longest text a search takes; longer is cut, not refused. */
    public static final int LONGEST_SEARCH = 100;

    /**
     * The relationships the signed-in person sees whose client party is named like this, open ones
     * first: a part of a name is enough, in any case and ignoring accents. Nothing they could not
     * open on their caseload is found; an empty search finds nothing.
     */
    @Transactional(readOnly = true)
    public List<CaseloadEntry> search(@Nullable String text) {
        String wanted = folded(text == null ? "" : text.strip());
        if (wanted.length() > LONGEST_SEARCH) wanted = wanted.substring(0, LONGEST_SEARCH);
        if (wanted.isEmpty()) return List.of();
        String needle = wanted;
        return caseload(true).stream().filter(e -> folded(e.clientPartyName()).contains(needle))
                .sorted(Comparator.comparing((CaseloadEntry e) -> e.status() == RelationshipStatus.ENDED)
                        .thenComparing(e -> folded(e.clientPartyName())))
                .toList();
    }

    /**
     * The client parties the signed-in person sees whose name is this one (in any case, ignoring
     * accents and spaces around it), each with its latest relationship: the check before a referral
     * registers someone who may already be known. None for a referral sent again (the same
     * submission), which {@link #refer} answers with the relationship it opened.
     */
    @Transactional(readOnly = true)
    public List<KnownClient> knownClientsNamed(@Nullable String name, @Nullable UUID submissionId) {
        String wanted = folded(name == null ? "" : name.strip());
        if (wanted.isEmpty()) return List.of();
        if (submissionId != null && relationships.findBySubmissionId(submissionId).isPresent()) return List.of();
        Map<UUID, KnownClient> latest = new java.util.LinkedHashMap<>();
        for (CaseloadEntry entry : caseload(true)) {
            if (!folded(entry.clientPartyName().strip()).equals(wanted)) continue;
            UUID party = relationships.findById(entry.id().value()).orElseThrow().clientPartyId();
            KnownClient known = new KnownClient(new ClientPartyId(party), entry.clientPartyName(), entry.clientPartyKind(),
                    entry.status(), entry.leadHelperName(), entry.referredOn());
            latest.merge(party, known, (a, b) -> a.referredOn().isAfter(b.referredOn()) ? a : b);
        }
        return List.copyOf(latest.values());
    }

    private static String folded(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The people waiting to be seen, among the relationships the signed-in person sees: referred or
     * on the waitlist, the most urgent first and, within each urgency, who has waited longest.
     */
    @Transactional(readOnly = true)
    public List<WaitingClient> waitlist() {
        LocalDate today = LocalDate.now(clock);
        return caseload(false).stream()
                .filter(e -> e.status() == RelationshipStatus.REFERRED || e.status() == RelationshipStatus.WAITLISTED)
                .map(e -> new WaitingClient(e.id(), e.clientPartyName(), e.leadHelperName(), e.status(), e.urgency(),
                        e.referredOn(), Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(e.referredOn(), today)),
                        e.alerts()))
                .sorted(Comparator.comparing((WaitingClient w) -> -w.urgency().ordinal())
                        .thenComparing(WaitingClient::referredOn).thenComparing(w -> w.id().value()))
                .toList();
    }

    /**
     * The open relationships this helper leads, the most pressing first: the work to hand over when
     * they leave. An admin's list.
     */
    @Transactional(readOnly = true)
    public List<CaseloadEntry> openWorkLedBy(HelperId helper) {
        CurrentUser user = staff();
        if (!user.isAdmin()) throw new AccessDeniedException("Only an organisation admin sees another helper's open work.");
        return entries(user, caseloadQuery.rows(List.of(helper.value()), user.helperId(), false).stream()
                .filter(row -> row.leadHelperId().equals(helper.value())).toList());
    }

    private List<CaseloadEntry> entries(CurrentUser user, List<CaseloadQuery.Row> rows) {
        Map<ClientPartyId, ClientPartySummary> clients = directory.clientPartySummaries(
                rows.stream().map(r -> new ClientPartyId(r.clientPartyId())).collect(Collectors.toSet()));
        Map<HelperId, String> leadNames = directory.helperNames(
                rows.stream().map(r -> new HelperId(r.leadHelperId())).collect(Collectors.toSet()));
        LocalDate today = today();
        Map<RelationshipId, CaseloadSignals.Signal> signals = signalsFor(
                rows.stream().map(r -> new RelationshipId(r.relationshipId())).toList());
        Map<String, ProcessModel> modelCache = new HashMap<>();
        return rows.stream().map(r -> {
            ProcessModel model = modelCache.computeIfAbsent(r.processModelKey(), this::model);
            ClientPartySummary client = clients.get(new ClientPartyId(r.clientPartyId()));
            RelationshipId id = new RelationshipId(r.relationshipId());
            CaseloadSignals.Signal signal = signals.get(id);
            boolean reviewOverdue = r.status().isOpen() && r.nextReviewOn() != null && today.isAfter(r.nextReviewOn());
            // Only work under way can lapse: a paused or waiting relationship is expected to be quiet.
            boolean lapsing = r.status().allowsPhaseMoves() && signal != null && signal.lapsing();
            return new CaseloadEntry(id, client == null ? "Unknown" : client.name(),
                    client == null ? "" : client.kind().label(),
                    leadNames.getOrDefault(new HelperId(r.leadHelperId()), "Unknown helper"), r.status(), r.urgency(),
                    model.name(), model.phase(r.phaseIndex()).name(), r.phaseIndex() + 1, model.phaseCount(),
                    r.nextReviewOn(), reviewOverdue, r.awaitingAcceptance(),
                    latest(r.lastContactOn(), signal == null ? null : signal.lastContactOn()), r.referredOn(), lapsing,
                    lapsing ? signal.lapsingBecause() : null,
                    user.isAdmin() || (user.is(Role.HELPER) && r.askingHelperIsParty()),
                    signal == null ? List.of() : signal.alerts(), signal == null ? null : signal.mostUrgent());
        }).sorted(Comparator.comparing((CaseloadEntry e) -> e.alertUrgency() == null ? Integer.MAX_VALUE : e.alertUrgency())
                .thenComparing(e -> !e.reviewOverdue())
                .thenComparing(e -> !e.lapsing())
                .thenComparing(e -> e.status() == RelationshipStatus.ENDED)
                .thenComparing(e -> -e.urgency().ordinal())
                .thenComparing(CaseloadEntry::referredOn)).toList();
    }

    /**
     * Former clients needing attention: the ended relationships on this person's caseload (their
     * own, or, for a supervisor, their supervisees') that still have open alerts — a follow-up after
     * the ending may raise one. The most urgent first. The alerts are acknowledged as on any
     * relationship.
     */
    @Transactional(readOnly = true)
    public List<CaseloadEntry> formerClientsNeedingAttention() {
        return caseload(true).stream()
                .filter(e -> e.status() == RelationshipStatus.ENDED && e.hasAlerts())
                .toList();
    }

    /** What the modules that know more (sessions, alerts) say about these relationships, merged. */
    private Map<RelationshipId, CaseloadSignals.Signal> signalsFor(List<RelationshipId> ids) {
        Map<RelationshipId, CaseloadSignals.Signal> merged = new HashMap<>();
        if (ids.isEmpty()) return merged;
        caseloadSignals.orderedStream().forEach(source -> source.signalsFor(ids).forEach((id, signal) ->
                merged.merge(id, signal, RelationshipManagement::merge)));
        return merged;
    }

    private static CaseloadSignals.Signal merge(CaseloadSignals.Signal a, CaseloadSignals.Signal b) {
        List<String> alerts = new ArrayList<>(a.alerts());
        b.alerts().stream().filter(label -> !alerts.contains(label)).forEach(alerts::add);
        Integer mostUrgent = a.mostUrgent() == null ? b.mostUrgent()
                : b.mostUrgent() == null ? a.mostUrgent() : Integer.valueOf(Math.min(a.mostUrgent(), b.mostUrgent()));
        return new CaseloadSignals.Signal(latest(a.lastContactOn(), b.lastContactOn()), a.lapsing() || b.lapsing(),
                a.lapsing() ? a.lapsingBecause() : b.lapsingBecause(), alerts, mostUrgent);
    }

    private static @Nullable LocalDate latest(@Nullable LocalDate a, @Nullable LocalDate b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }

    /** Process models a referral may follow. */
    @Transactional(readOnly = true)
    public List<ProcessModel> availableModels() {
        return models.available();
    }

    /** The phases the work has been in, in the order it entered them (see {@link Relationship#phasePath}). */
    @Transactional(readOnly = true)
    public List<String> phasePath(RelationshipId id) {
        Relationship relationship = visible(id, staff());
        return relationship.phasePath(model(relationship.processModelKey()));
    }

    /** The model a referral follows unless another is chosen: the organisation's default. */
    public String defaultModelKey() {
        return models.defaultKey();
    }

    private List<Relationship> relationshipsWithClient(UUID clientPartyId) {
        return relationships.findByClientPartyId(clientPartyId);
    }

    private HelperParty helperParty(HelperId lead, @Nullable TeamId team, List<HelperId> others) {
        if (lead == null) throw new RuleBroken("Choose the helper who leads the work.");
        Set<UUID> all = new LinkedHashSet<>();
        all.add(requireHelper(lead).id().value());
        others.stream().filter(Objects::nonNull).forEach(h -> all.add(requireHelper(h).id().value()));
        UUID teamId = null;
        if (team != null) {
            Team t = directory.team(team).orElseThrow(() -> new RecordNotFound("team"));
            if (!t.members().contains(lead)) throw new RuleBroken("The lead helper must be a member of the team '" + t.name() + "'.");
            t.members().forEach(m -> all.add(m.value()));
            teamId = t.id().value();
        }
        return new HelperParty(lead.value(), teamId, all);
    }

    private Helper requireHelper(HelperId id) {
        Helper helper = directory.helper(id).orElseThrow(() -> new RecordNotFound("helper"));
        if (!helper.active()) throw new RuleBroken(helper.name() + " is no longer active and cannot take new work.");
        return helper;
    }

    private Relationship visible(RelationshipId id, CurrentUser user) {
        if (id == null) throw new RecordNotFound(RECORD);
        Relationship relationship = relationships.findById(id.value()).orElseThrow(() -> new RecordNotFound(RECORD));
        if (!access.maySee(user, relationship)) throw new RecordNotFound(RECORD);
        return relationship;
    }

    private Relationship forChange(RelationshipId id, @Nullable Integer expectedVersion) {
        CurrentUser user = staff();
        Relationship relationship = visible(id, user);
        if (!access.mayChange(user, relationship)) {
            throw new AccessDeniedException("Only the relationship's own helpers and admins change it.");
        }
        if (expectedVersion != null && expectedVersion != relationship.version()) {
            throw new OptimisticLockingFailureException("relationship changed since it was loaded");
        }
        return relationship;
    }

    private static void requireOpen(Relationship relationship) {
        if (!relationship.status().isOpen()) throw new RuleBroken("The relationship has ended; its client party can no longer change here.");
    }

    /** Saves the change with its audit entry, and returns the relationship's new version. */
    private int save(Relationship relationship, String detail) {
        Relationship saved = relationships.save(relationship);
        audit.changed(RECORD, relationship.id().value(), relationship.clientPartyId(), detail);
        return saved.version();
    }

    private ProcessModel model(String key) {
        return models.find(key).orElseThrow(() -> new RuleBroken("There is no process model '" + key + "'."));
    }

    private static CurrentUser staff() {
        CurrentUser user = CurrentUser.require();
        if (!(user.isAdmin() || user.is(Role.HELPER) || user.is(Role.SUPERVISOR))) {
            throw new AccessDeniedException("Relationships are for helpers, supervisors and admins.");
        }
        return user;
    }

    private Actor actor() {
        CurrentUser user = CurrentUser.require();
        return new Actor(user.accountId().value(), user.displayName(), user.helperId());
    }

    private Instant now() {
        return clock.instant();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
