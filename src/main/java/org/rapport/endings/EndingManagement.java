package org.rapport.endings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.CurrentUser;
import org.rapport.alerts.AlertManagement;
import org.rapport.audit.AuditTrail;
import org.rapport.goals.GoalId;
import org.rapport.goals.GoalManagement;
import org.rapport.goals.GoalStanding;
import org.rapport.goals.GoalStatus;
import org.rapport.goals.GoalView;
import org.rapport.goals.GoalsOverview;
import org.rapport.goals.RatingView;
import org.rapport.measures.InstrumentDefinition;
import org.rapport.measures.MeasureManagement;
import org.rapport.measures.ScoreView;
import org.rapport.measures.ScoredAdministration;
import org.rapport.measures.outcomes.TalkingTherapiesMeasure;
import org.rapport.measures.outcomes.TalkingTherapiesOutcome;
import org.rapport.people.ClientPartyId;
import org.rapport.people.HelperId;
import org.rapport.people.PeopleDirectory;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.CaseloadEntry;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipInfo;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.sessions.SessionInfo;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionOutcome;
import org.rapport.shared.FreeText;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.StaleVersion;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The endings module's commands and reads: the ending workspace with its four parts (each saved
 * on its own, at the version it was loaded at), closing as planned once the four are done, closing
 * unplanned with its reason, the ending letter, and the count of endings for a period.
 *
 * <p>Closing records the ending, ends the relationship (out of the active caseload), issues a
 * reconnect link when someone issues them, and publishes {@link RelationshipClosed}: all in one
 * transaction, so a refusal anywhere stores nothing. Every read of an ending and every change is
 * audited, without client content.
 */
@Service
public class EndingManagement {

    static final String RECORD = "ending";
    /** The short measure a follow-up carries unless the helper chooses another (see docs/endings.md). */
    public static final String DEFAULT_FOLLOW_UP_MEASURE = "phq-9";
    static final int[] SUGGESTED_MONTHS = { 1, 3, 6 };

    private final Endings endings;
    private final RelationshipManagement relationships;
    private final GoalManagement goals;
    private final AlertManagement alerts;
    private final MeasureManagement measures;
    private final SessionManagement sessions;
    private final PeopleManagement people;
    private final PeopleDirectory directory;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<ReconnectLinks> reconnectLinks;
    private final Clock clock;

    EndingManagement(Endings endings, RelationshipManagement relationships, GoalManagement goals, AlertManagement alerts,
            MeasureManagement measures, SessionManagement sessions, PeopleManagement people, PeopleDirectory directory,
            AuditTrail audit, ApplicationEventPublisher events,
            ObjectProvider<ReconnectLinks> reconnectLinks, Clock clock) {
        this.endings = endings;
        this.relationships = relationships;
        this.goals = goals;
        this.alerts = alerts;
        this.measures = measures;
        this.sessions = sessions;
        this.people = people;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.reconnectLinks = reconnectLinks;
        this.clock = clock;
    }

    /**
     * The ending workspace of a relationship in its ending phase (or one whose ending was begun or
     * closed), with the live facts of the gains. The read is audited.
     *
     * @throws RecordNotFound for an unknown, foreign or out-of-caseload relationship
     * @throws RuleBroken when the work has not reached its ending and no ending was begun
     */
    @Transactional
    public EndingWorkspace workspace(RelationshipId relationship) {
        RelationshipInfo info = relationships.describe(relationship);
        var stored = endings.find(info.id().value());
        if (stored.isEmpty() && info.status() != RelationshipStatus.ENDING) {
            throw new RuleBroken("The ending workspace opens when the work enters its ending phase; this relationship is "
                    + info.status().label().toLowerCase() + ".");
        }
        Ending ending = stored.orElseGet(() -> Ending.begin(info.id().value(), info.clientPartyId()));
        String clientName = people.clientParty(new ClientPartyId(info.clientPartyId())).name();
        // The goals are read once, for the gains and for what stands before closing.
        GoalsOverview goalsNow = goals.goalsOf(info.id());
        GainsFacts facts = facts(info, goalsNow);
        audit.read("relationship", info.id().value(), info.clientPartyId(), "opened the ending workspace");
        return new EndingWorkspace(info.id(), clientName, helperName(info), info.status().label(),
                info.status() == RelationshipStatus.ENDING, ending.version(), ending.gains(), ending.why(),
                ending.confidence(), ending.door(), ending.doorSaved(), facts, ending.missingParts(),
                suggestedDates(facts.lastAttendedOn()), instrumentChoices(), followUpMeasure(info.id()),
                measures.dueAtEnding(info.id()), closed(ending), info.mayChange(),
                ending.isClosed() ? BeforeClosing.of(List.of(), List.of(), null)
                        : beforeClosing(info, ending, goalsNow.goals().stream().map(g -> new GoalStanding(g.id(), g.statement(),
                                g.status(), g.nextStatuses(), g.version())).toList()));
    }

    private static StaleVersion staleEnding(int sent, int current) {
        return new StaleVersion("the ending", sent, current,
                "the ending's version (from GET /api/relationships/{id}/ending), not the relationship's");
    }

    /** What contradicts closing this ending as planned now, given how the goals stand. */
    private BeforeClosing beforeClosing(RelationshipInfo info, Ending ending, List<GoalStanding> standings) {
        List<BeforeClosing.OpenAlert> open = alerts.openAlertsOf(info.id()).stream()
                .map(a -> new BeforeClosing.OpenAlert(a.kind().label(), a.policy(), a.raisedAt())).toList();
        return BeforeClosing.of(standings, open, ending.why().reason());
    }

    /**
     * Settles a goal of the relationship still open, from the ending workspace: achieved, not
     * achieved, continuing elsewhere or cancelled. The change is the goal's own, audited there.
     *
     * @throws RecordNotFound when the goal is not an open goal of this relationship
     * @throws RuleBroken when the outcome is not one a goal is settled with, or not open to this goal
     */
    @Transactional
    public void settleGoal(RelationshipId relationship, GoalId goal, int expectedVersion, @Nullable GoalStatus outcome) {
        RelationshipInfo info = relationships.describeForChange(relationship);
        if (outcome == null || !BeforeClosing.OUTCOMES.contains(outcome)) {
            throw new RuleBroken("Choose how the goal ends: achieved, not achieved, continuing elsewhere or cancelled.");
        }
        boolean open = goals.standings(info.id()).stream().anyMatch(g -> g.id().equals(goal) && !g.status().isFinal());
        if (!open) throw new RecordNotFound("open goal of this relationship");
        goals.changeStatus(goal, expectedVersion, outcome, "Settled at the ending");
    }

    /** Saves part one, the gains made; returns the ending's new version. */
    @Transactional
    public int saveGains(RelationshipId relationship, int expectedVersion, Gains gains) {
        return change(relationship, expectedVersion, "saved the gains made (part one of the ending)",
                ending -> ending.saveGains(gains == null ? new Gains(null, null, false) : gains));
    }

    /** Saves part two, why the work ends; returns the ending's new version. */
    @Transactional
    public int saveWhyItEnds(RelationshipId relationship, int expectedVersion, WhyItEnds why) {
        return change(relationship, expectedVersion, "saved why the work ends (part two of the ending)",
                ending -> ending.saveWhy(why == null ? new WhyItEnds(null, null, false) : why));
    }

    /** Saves part three, confidence moving forward; returns the ending's new version. */
    @Transactional
    public int saveConfidence(RelationshipId relationship, int expectedVersion, Confidence confidence) {
        return change(relationship, expectedVersion, "saved the maintenance plan (part three of the ending)",
                ending -> ending.saveConfidence(confidence == null ? new Confidence(null, null, null, null, false) : confidence));
    }

    /** Saves part four, the open door; returns the ending's new version. */
    @Transactional
    public int saveOpenDoor(RelationshipId relationship, int expectedVersion, OpenDoor door) {
        Set<String> keys = instrumentKeys();
        LocalDate today = today();
        return change(relationship, expectedVersion, "saved the open door (part four of the ending)",
                ending -> ending.saveDoor(door == null ? new OpenDoor(List.of(), null, null, false) : door, keys, today));
    }

    private int change(RelationshipId relationship, int expectedVersion, String detail, java.util.function.Consumer<Ending> work) {
        RelationshipInfo info = relationships.describeForChange(relationship);
        var stored = endings.find(info.id().value());
        if (stored.isEmpty() && info.status() != RelationshipStatus.ENDING) {
            throw new RuleBroken("The parts of the ending are written once the work enters its ending phase; this relationship is "
                    + info.status().label().toLowerCase() + ".");
        }
        Ending ending = stored.orElseGet(() -> Ending.begin(info.id().value(), info.clientPartyId()));
        if (ending.version() != expectedVersion) throw staleEnding(expectedVersion, ending.version());
        work.accept(ending);
        if (!endings.save(ending)) throw new OptimisticLockingFailureException("ending changed since it was loaded");
        audit.changed(RECORD, info.id().value(), info.clientPartyId(), detail);
        return ending.version() + 1;
    }

    /**
     * Closes the work as planned, on {@code endedOn} (today when null): refused, naming the parts,
     * until all four are done. Ends the relationship, issues a reconnect link if someone issues them,
     * and publishes {@link RelationshipClosed}.
     */
    @Transactional
    public ClosedEnding closePlanned(RelationshipId relationship, int expectedVersion, @Nullable LocalDate endedOn) {
        RelationshipInfo info = relationships.describeForChange(relationship);
        Ending ending = endings.find(info.id().value())
                .orElseGet(() -> Ending.begin(info.id().value(), info.clientPartyId()));
        if (ending.version() != expectedVersion) throw staleEnding(expectedVersion, ending.version());
        if (ending.isClosed()) throw new RuleBroken("This ending is closed already.");
        LocalDate day = endingDay(endedOn, info);
        LocalDate lastSession = lastSessionOn(info.id(), day);
        ending.closePlanned(day, lastSession, null, clock.instant(), CurrentUser.require().displayName(),
                beforeClosing(info, ending, goals.standings(info.id())));
        if (info.status() != RelationshipStatus.ENDING) {
            throw new RuleBroken("A planned ending closes from the ending phase; this relationship is "
                    + info.status().label().toLowerCase() + ".");
        }
        return close(info, ending, true, "closed the work as planned");
    }

    /**
     * Closes the work unplanned, with its reason: dropped out, moved away, declined further help or
     * other. Where it is still possible, the open door is offered too (follow-up dates after today,
     * with a short measure).
     */
    @Transactional
    public ClosedEnding closeUnplanned(RelationshipId relationship, UnplannedClosing closing) {
        if (closing == null) throw new RuleBroken("Choose the reason the work ended.");
        RelationshipInfo info = relationships.describeForChange(relationship);
        if (!info.isOpen()) throw new RuleBroken("The relationship has ended already.");
        if (closing.reason() == null || closing.reason().isBlank()) throw new RuleBroken("Choose the reason the work ended.");
        UnplannedReason reason = UnplannedReason.ofCode(closing.reason()).orElseThrow(() -> new RuleBroken(
                "There is no unplanned ending reason '" + FreeText.optional(closing.reason(), "The reason", 60)
                        + "'. Choose one of: " + Arrays.stream(UnplannedReason.values())
                                .map(r -> r.code() + " (" + r.label() + ")").collect(Collectors.joining(", ")) + "."));
        String explanation = reason == UnplannedReason.OTHER
                ? FreeText.required(closing.explanation(), "For the reason 'other', a few words on why", Ending.TEXT_MAX)
                : FreeText.optional(closing.explanation(), "The few words on why", Ending.TEXT_MAX);
        LocalDate day = endingDay(closing.endedOn(), info);
        OpenDoor door = closing.followUpDates().isEmpty() ? new OpenDoor(List.of(), null, "not offered at an unplanned ending", true)
                : Ending.checkedDoor(new OpenDoor(closing.followUpDates(), closing.instrumentKey(), null, true),
                        instrumentKeys(), today(), today());
        Ending ending = endings.find(info.id().value()).orElseGet(() -> Ending.begin(info.id().value(), info.clientPartyId()));
        if (info.version() != closing.relationshipVersion()) {
            // The unplanned close may come before any ending exists, so it takes the relationship's version.
            throw new StaleVersion("the relationship", closing.relationshipVersion(), info.version(),
                    "the relationship's version (relationshipVersion, from GET /api/relationships/{id}), not the ending's");
        }
        ending.closeUnplanned(reason, explanation, door, day, lastSessionOn(info.id(), day), null, clock.instant(),
                CurrentUser.require().displayName());
        return close(info, ending, false, "closed the work unplanned (" + reason.code() + ")");
    }

    /**
     * The close-unplanned form for a client who says they are stopping: only while the work is active
     * or paused, for someone who may change it. The reading is audited.
     *
     * @throws RecordNotFound for an unknown, foreign or out-of-caseload relationship
     * @throws RuleBroken when the work is not active or paused
     */
    @Transactional
    public StoppingForm stoppingForm(RelationshipId relationship) {
        RelationshipInfo info = relationships.describeForChange(relationship);
        if (info.status() != RelationshipStatus.ACTIVE && info.status() != RelationshipStatus.PAUSED) {
            throw new RuleBroken(info.status() == RelationshipStatus.ENDING
                    ? "The work is in its ending phase: close it from the ending workspace, or with the form on the relationship page."
                    : "A client can say they are stopping while the work is active or paused; this relationship is "
                            + info.status().label().toLowerCase() + ".");
        }
        String clientName = people.clientParty(new ClientPartyId(info.clientPartyId())).name();
        audit.read("relationship", info.id().value(), info.clientPartyId(), "opened the form for a client who says they are stopping");
        LocalDate lastAttended = sessions.lastAttended(List.of(info.id())).get(info.id());
        return new StoppingForm(info.id().value(), clientName, info.version(), Arrays.asList(UnplannedReason.values()),
                UnplannedReason.DECLINED_FURTHER_HELP.code(), suggestedDates(lastAttended), instrumentChoices(),
                followUpMeasure(info.id()), today());
    }

    private ClosedEnding close(RelationshipInfo info, Ending ending, boolean planned, String detail) {
        Ending.Closing closing = ending.closing();
        if (closing == null) throw new IllegalStateException("closing expected");
        relationships.end(info.id(), info.version(), closing.endedOn(), planned, closing.reason(), reasonLabel(planned, closing.reason()));
        ReconnectLinks links = reconnectLinks.getIfAvailable();
        if (links != null) ending.reconnectAt(links.issue(info.id()));
        if (!endings.save(ending)) throw new OptimisticLockingFailureException("ending changed since it was loaded");
        audit.changed(RECORD, info.id().value(), info.clientPartyId(), detail);
        Ending.Closing done = ending.closing();
        events.publishEvent(new RelationshipClosed(info.id(), info.clientPartyId(), info.leadHelperId(), done.endedOn(),
                done.lastSessionOn(), planned, done.reason(), ending.door().followUpDates(), ending.door().instrumentKey()));
        return closed(ending);
    }

    /**
     * The ending letter to the client, from the four parts (a draft until the work closes). The read
     * is audited.
     *
     * @throws RecordNotFound when the relationship is not seen, or has no ending to write from
     */
    @Transactional
    public EndingLetter letter(RelationshipId relationship) {
        RelationshipInfo info = relationships.describe(relationship);
        Ending ending = endings.find(info.id().value()).orElseThrow(() -> new RecordNotFound("ending letter"));
        String clientName = people.clientParty(new ClientPartyId(info.clientPartyId())).name();
        audit.read("relationship", info.id().value(), info.clientPartyId(), "opened the ending letter");
        Ending.Closing closing = ending.closing();
        String reasonToClient;
        String explanation;
        if (closing != null && closing.kind() == Ending.Kind.UNPLANNED) {
            reasonToClient = UnplannedReason.ofCode(closing.reason()).map(UnplannedReason::toClient).orElse("");
            explanation = closing.explanation();
        } else {
            reasonToClient = EndingReason.ofCode(ending.why().reason()).map(EndingReason::toClient).orElse("");
            explanation = ending.why().explanation();
        }
        String measure = ending.door().instrumentKey() == null ? null
                : instrumentChoices().stream().filter(c -> c.code().equals(ending.door().instrumentKey()))
                        .map(EndingWorkspace.Choice::label).findFirst().orElse(null);
        return new EndingLetter(clientName, helperName(info), closing == null ? today() : closing.endedOn(),
                ending.gains().summary(), ending.gains().clientWords(), reasonToClient, explanation,
                ending.confidence().warningSigns(), ending.confidence().whatHelps(), ending.confidence().peopleToContact(),
                ending.confidence().crisisPlan(), ending.door().followUpDates(), measure,
                closing == null ? null : closing.reconnectPath(), closing != null);
    }

    /**
     * How many relationships ended between two days (both included), planned and unplanned, by
     * reason, among those the signed-in person sees (an admin: the whole organisation).
     */
    @Transactional(readOnly = true)
    public EndingsSummary summary(@Nullable LocalDate from, @Nullable LocalDate to) {
        CurrentUser user = CurrentUser.require();
        if (from == null || to == null) throw new RuleBroken("Give the first and the last day of the period.");
        if (from.isAfter(to)) throw new RuleBroken("The period's first day must not come after its last.");
        if (ChronoUnit.DAYS.between(from, to) > 3660) throw new RuleBroken("Count a period of at most ten years.");
        List<UUID> visible = user.isAdmin() ? null
                : relationships.caseload(true).stream().map(CaseloadEntry::id).map(RelationshipId::value).toList();
        int planned = 0;
        int unplanned = 0;
        int droppedOut = 0;
        Map<String, Integer> plannedBy = new TreeMap<>();
        Map<String, Integer> unplannedBy = new TreeMap<>();
        for (Endings.Count count : endings.countClosed(from, to, visible)) {
            if (count.kind() == Ending.Kind.PLANNED) {
                planned += count.count();
                plannedBy.merge(count.reason(), count.count(), Integer::sum);
            } else {
                unplanned += count.count();
                unplannedBy.merge(count.reason(), count.count(), Integer::sum);
                if (UnplannedReason.DROPPED_OUT.code().equals(count.reason())) droppedOut += count.count();
            }
        }
        return new EndingsSummary(from, to, planned, unplanned, droppedOut, plannedBy, unplannedBy);
    }

    /** The short measures a follow-up may carry: the organisation's instruments. */
    public List<EndingWorkspace.Choice> instrumentChoices() {
        return measures.instruments().stream().map(i -> new EndingWorkspace.Choice(i.key(), i.label())).toList();
    }

    /**
     * The short measure the open door offers unless the helper chooses another: the measurement
     * plan's instrument "at follow-ups" when it names one the organisation has, else
     * {@link #DEFAULT_FOLLOW_UP_MEASURE}. The reading of the plan is audited.
     */
    @Transactional
    public String followUpMeasure(RelationshipId relationship) {
        return measures.followUpInstrument(relationship).filter(instrumentKeys()::contains).orElse(DEFAULT_FOLLOW_UP_MEASURE);
    }

    /** One, three and six months after the last attended session, or after today when that has passed. */
    List<LocalDate> suggestedDates(@Nullable LocalDate lastAttendedOn) {
        LocalDate today = today();
        LocalDate from = lastAttendedOn == null || !lastAttendedOn.plusMonths(1).isAfter(today) ? today : lastAttendedOn;
        return Arrays.stream(SUGGESTED_MONTHS).mapToObj(from::plusMonths).toList();
    }

    private Set<String> instrumentKeys() {
        return measures.instruments().stream().map(InstrumentDefinition::key).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private GainsFacts facts(RelationshipInfo info, GoalsOverview overview) {
        List<GainsFacts.GoalGain> goalGains = new ArrayList<>();
        for (GoalView goal : overview.goals()) {
            List<RatingView> ratings = goal.ratings();
            String first = ratings.isEmpty() ? goal.baselineLabel() + " (baseline)" : ratings.get(0).label();
            goalGains.add(new GainsFacts.GoalGain(goal.statement(), goal.status().label(), first, goal.currentLevelLabel()));
        }
        String firstT = overview.tScoreHistory().isEmpty() ? null : overview.tScoreHistory().get(0).rounded();
        String latestT = overview.tScore() == null ? null : overview.tScore().rounded();
        List<GainsFacts.MeasureGain> measureGains = new ArrayList<>();
        for (ScoreView view : measures.scoresOf(info.id())) {
            ScoredAdministration first = view.scores().get(0);
            ScoredAdministration last = view.scores().get(view.scores().size() - 1);
            measureGains.add(new GainsFacts.MeasureGain(view.label(), first.totalText(), first.band(), last.totalText(),
                    last.band(), view.scores().size(), view.changeLabel(),
                    view.scores().size() < 2 ? null : recovery(view.instrumentKey(), first.total(), last.total())));
        }
        List<SessionInfo> all = sessions.sessionsOf(info.id());
        List<SessionInfo> attended = all.stream().filter(s -> s.outcome() == SessionOutcome.ATTENDED).toList();
        LocalDate lastAttended = attended.stream().map(SessionInfo::on).max(LocalDate::compareTo).orElse(null);
        List<String> phases = relationships.phasePath(info.id());
        return new GainsFacts(goalGains, firstT, latestT, measureGains, attended.size(), lastAttended, phases);
    }

    private static @Nullable String recovery(String instrumentKey, double first, double last) {
        TalkingTherapiesMeasure measure = switch (instrumentKey) {
            case "phq-9" -> TalkingTherapiesMeasure.PHQ_9;
            case "gad-7" -> TalkingTherapiesMeasure.GAD_7;
            default -> null;
        };
        if (measure == null) return null;
        return TalkingTherapiesOutcome.ofSingle(measure.scored(first, last)).recovery().label();
    }

    private String helperName(RelationshipInfo info) {
        HelperId lead = new HelperId(info.leadHelperId());
        return directory.helperNames(List.of(lead)).getOrDefault(lead, "Your helper");
    }

    private LocalDate endingDay(@Nullable LocalDate endedOn, RelationshipInfo info) {
        LocalDate day = endedOn == null ? today() : endedOn;
        if (day.isAfter(today())) throw new RuleBroken("The ending date cannot be in the future.");
        if (day.isBefore(info.referredOn())) {
            throw new RuleBroken("The ending date cannot be before the referral (" + info.referredOn() + ").");
        }
        return day;
    }

    /** The last attended session on or before the ending day, or the ending day when there was none. */
    private LocalDate lastSessionOn(RelationshipId id, LocalDate endedOn) {
        LocalDate last = sessions.lastAttended(List.of(id)).get(id);
        return last == null || last.isAfter(endedOn) ? endedOn : last;
    }

    private static String reasonLabel(boolean planned, String code) {
        return planned ? EndingReason.ofCode(code).map(EndingReason::label).orElse(code)
                : UnplannedReason.ofCode(code).map(UnplannedReason::label).orElse(code);
    }

    private static @Nullable ClosedEnding closed(Ending ending) {
        Ending.Closing c = ending.closing();
        if (c == null) return null;
        String label = c.kind() == Ending.Kind.PLANNED
                ? EndingReason.ofCode(c.reason()).map(EndingReason::label).orElse(c.reason())
                : UnplannedReason.ofCode(c.reason()).map(UnplannedReason::label).orElse(c.reason());
        return new ClosedEnding(c.kind() == Ending.Kind.PLANNED, c.endedOn(), c.reason(), label, ending.door().followUpDates(),
                c.reconnectPath(), c.closedByName());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
