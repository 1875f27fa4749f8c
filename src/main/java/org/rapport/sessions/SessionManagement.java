package org.rapport.sessions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rapport.accounts.CurrentUser;
import org.rapport.people.ClientParty;
import org.rapport.people.ClientPartyId;
import org.rapport.people.PeopleDirectory;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipInfo;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.audit.AuditTrail;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.SecretTokens;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sessions module's commands and reads: schedule a session, record what happened, read one or
 * a relationship's sessions, the signed-in helper's upcoming sessions and their calendar feed. Who
 * may see or change a session follows its relationship; every read of one and every change is
 * written to the client's audit trail.
 */
@Service
public class SessionManagement {

    static final String RECORD = "session";

    private final Sessions sessions;
    private final CalendarFeeds feeds;
    private final RelationshipManagement relationships;
    private final PeopleManagement people;
    private final PeopleDirectory directory;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    SessionManagement(Sessions sessions, CalendarFeeds feeds, RelationshipManagement relationships,
            PeopleManagement people, PeopleDirectory directory, AuditTrail audit, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock) {
        this.sessions = sessions;
        this.feeds = feeds;
        this.relationships = relationships;
        this.people = people;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * Schedules a session in an open relationship the signed-in person may change: 5 to 480 minutes,
     * from today to two years ahead.
     */
    @Transactional
    public SessionId schedule(RelationshipId relationship, NewSession session) {
        RelationshipInfo info = openForChange(relationship);
        NewSession checked = SessionRules.scheduling(session, today());
        Session scheduled = Session.scheduled(info.id(), info.clientPartyId(), checked, info.helperIds(), now(), byName());
        sessions.insert(scheduled);
        audit.changed(RECORD, scheduled.id.value(), info.clientPartyId(), "scheduled a session");
        return scheduled.id;
    }

    /** Records a session after the fact, in one step: it happened today or earlier, not before the referral. */
    @Transactional
    public SessionId recordUnscheduled(RelationshipId relationship, NewSession session, SessionRecord record) {
        RelationshipInfo info = openForChange(relationship);
        LocalDate today = today();
        NewSession checked = SessionRules.afterTheFact(session, today, info.referredOn());
        ClientParty party = people.clientParty(new ClientPartyId(info.clientPartyId()));
        List<MemberAttendance> attendance = SessionRules.recording(record, checked.on(), today, party);
        Session recorded = Session.scheduled(info.id(), info.clientPartyId(), checked, info.helperIds(), now(), byName());
        recorded.record(record.outcome(), attendance, record.skills(), info.phaseKey(), info.phaseName(), now(), byName());
        sessions.insert(recorded);
        audit.changed(RECORD, recorded.id.value(), info.clientPartyId(),
                "recorded a session after the fact: " + record.outcome().label().toLowerCase());
        events.publishEvent(new SessionRecorded(info.id(), recorded.id, recorded.on, recorded.outcome));
        return recorded.id;
    }

    /**
     * Records what happened at a session, or corrects what was recorded; returns the session's new
     * version. The relationship's phase of the first recording is kept with the session.
     */
    @Transactional
    public int record(SessionId session, int expectedVersion, SessionRecord record) {
        Session stored = find(session);
        RelationshipInfo info = forChange(stored);
        if (stored.version != expectedVersion) {
            throw new OptimisticLockingFailureException("session changed since it was loaded");
        }
        ClientParty party = people.clientParty(new ClientPartyId(stored.clientPartyId));
        List<MemberAttendance> attendance = SessionRules.recording(record, stored.on, today(), party);
        boolean correction = stored.isRecorded();
        stored.record(record.outcome(), attendance, record.skills(), info.phaseKey(), info.phaseName(), now(), byName());
        int version = sessions.updateRecord(stored, expectedVersion);
        audit.changed(RECORD, stored.id.value(), stored.clientPartyId, (correction ? "corrected a session's record: "
                : "recorded a session: ") + record.outcome().label().toLowerCase());
        events.publishEvent(new SessionRecorded(stored.relationship, stored.id, stored.on, stored.outcome));
        return version;
    }

    /** A session the signed-in person may see; not audited here (the caller audits what it reads). */
    @Transactional(readOnly = true)
    public SessionInfo describe(SessionId session) {
        Session stored = find(session);
        return stored.info(visible(stored).mayChange());
    }

    /** As {@link #describe}, refused unless the signed-in person may change the session's relationship. */
    @Transactional(readOnly = true)
    public SessionInfo describeForChange(SessionId session) {
        Session stored = find(session);
        return stored.info(forChange(stored).mayChange());
    }

    /** A session, for its page or the API; the read is audited. */
    @Transactional
    public SessionInfo session(SessionId session) {
        Session stored = find(session);
        RelationshipInfo info = visible(stored);
        audit.read(RECORD, stored.id.value(), stored.clientPartyId, "opened a session");
        return stored.info(info.mayChange());
    }

    /**
     * The members to mark for a session not yet recorded: a couple's, family's or group's members
     * current on the session's day, each proposed present; the recorded attendance once recorded;
     * none for one person. Reading the client's members is audited.
     */
    @Transactional
    public List<MemberAttendance> attendanceToMark(SessionId session) {
        Session stored = find(session);
        visible(stored);
        if (stored.outcome.isHeld()) return stored.attendance;
        ClientParty party = people.clientParty(new ClientPartyId(stored.clientPartyId));
        if (party.kind() == org.rapport.people.ClientPartyKind.PERSON) return List.of();
        return party.currentMembers(stored.on).stream()
                .map(m -> new MemberAttendance(m.id().value(), m.name(), true)).toList();
    }

    /**
     * The day of the last attended session of each of these relationships that has one, for lists
     * (the caseload's prompts): the caller has chosen relationships the person sees. Not audited, as
     * lists are not.
     */
    @Transactional(readOnly = true)
    public Map<RelationshipId, LocalDate> lastAttended(Collection<RelationshipId> relationships) {
        Map<RelationshipId, LocalDate> days = new HashMap<>();
        sessions.lastAttended(relationships.stream().map(RelationshipId::value).distinct().toList())
                .forEach((id, day) -> days.put(new RelationshipId(id), day));
        return days;
    }

    /** A relationship's sessions, the latest first; the read is audited. */
    @Transactional
    public List<SessionInfo> sessionsOf(RelationshipId relationship) {
        RelationshipInfo info = visibleRelationship(relationship);
        audit.read("relationship", info.id().value(), info.clientPartyId(), "listed the relationship's sessions");
        return sessions.ofRelationship(info.id()).stream().map(s -> s.info(info.mayChange())).toList();
    }

    /**
     * The continuity figure of a relationship: the share of attended sessions the current lead
     * helper was at. The read is audited.
     */
    @Transactional
    public Continuity continuityOf(RelationshipId relationship) {
        RelationshipInfo info = visibleRelationship(relationship);
        audit.read("relationship", info.id().value(), info.clientPartyId(), "read the relationship's continuity");
        return continuity(info, sessions.ofRelationship(info.id()), directory);
    }

    static Continuity continuity(RelationshipInfo info, List<Session> all, PeopleDirectory directory) {
        List<Session> attended = all.stream().filter(s -> s.outcome == SessionOutcome.ATTENDED).toList();
        int withLead = (int) attended.stream().filter(s -> s.helperIds.contains(info.leadHelperId())).count();
        org.rapport.people.HelperId lead = new org.rapport.people.HelperId(info.leadHelperId());
        String name = directory.helperNames(List.of(lead)).getOrDefault(lead, "the lead helper");
        return Continuity.of(attended.size(), withLead, info.leadHelperId(), name);
    }

    /**
     * The signed-in helper's sessions still scheduled from today on, across the open relationships
     * they may see, the soonest first. Empty for someone who is not a helper.
     */
    @Transactional(readOnly = true)
    public List<UpcomingSession> upcoming() {
        UUID helper = CurrentUser.require().helperId();
        if (helper == null) return List.of();
        List<Session> scheduled = sessions.scheduledFor(helper, today());
        Map<RelationshipId, Boolean> open = new HashMap<>();
        List<Session> shown = scheduled.stream().filter(s -> open.computeIfAbsent(s.relationship, this::isOpenAndVisible))
                .toList();
        Map<ClientPartyId, String> names = directory.clientPartyNames(
                shown.stream().map(s -> new ClientPartyId(s.clientPartyId)).distinct().toList());
        return shown.stream().sorted(Comparator.comparing((Session s) -> s.on).thenComparing(s -> s.at))
                .map(s -> new UpcomingSession(s.id, s.relationship,
                        names.getOrDefault(new ClientPartyId(s.clientPartyId), "Unknown client"), s.on, s.at,
                        s.lengthMinutes, s.mode, s.place))
                .toList();
    }

    private boolean isOpenAndVisible(RelationshipId relationship) {
        try {
            return relationships.describe(relationship).isOpen();
        } catch (RecordNotFound e) {
            return false;
        }
    }

    /** When the signed-in helper's calendar feed was made, if they have one. */
    @Transactional(readOnly = true)
    public Optional<Instant> calendarFeedOpenedAt() {
        UUID helper = CurrentUser.require().helperId();
        return helper == null ? Optional.empty() : feeds.openedAt(helper);
    }

    /**
     * Makes (or replaces) the signed-in helper's secret calendar feed link. The link is shown only
     * now: only a hash of its token is kept.
     */
    @Transactional
    public CalendarLink openCalendarFeed() {
        UUID helper = requireHelper();
        String token = SecretTokens.newToken();
        Instant now = now();
        feeds.open(helper, token, now);
        return new CalendarLink("/calendar/" + token + ".ics", now);
    }

    /** Revokes the signed-in helper's calendar feed link; the calendar gets nothing from it any more. */
    @Transactional
    public void revokeCalendarFeed() {
        feeds.revoke(requireHelper());
    }

    /**
     * The iCalendar text behind a feed token, or empty for an unknown or revoked one. Needs nobody
     * signed in: the token alone says whose sessions these are.
     */
    public Optional<String> calendarFeed(String token) {
        if (token == null || token.isBlank() || token.length() > 100) return Optional.empty();
        String hash = SecretTokens.hash(token);
        Optional<org.rapport.shared.OrganisationId> organisation = readOnly.execute(status -> feeds.organisationOf(hash));
        if (organisation == null || organisation.isEmpty()) return Optional.empty();
        return Tenancy.callAs(organisation.get(), () -> readOnly.execute(status -> feeds.helperOf(hash)
                .map(helper -> CalendarWriter.write(sessions.scheduledFor(helper, today()), clock.getZone()))));
    }

    private UUID requireHelper() {
        UUID helper = CurrentUser.require().helperId();
        if (helper == null) throw new RuleBroken("Only helpers have a calendar of sessions.");
        return helper;
    }

    private Session find(SessionId id) {
        if (id == null) throw new RecordNotFound(RECORD);
        return sessions.find(id).orElseThrow(() -> new RecordNotFound(RECORD));
    }

    private RelationshipInfo visible(Session session) {
        try {
            return relationships.describe(session.relationship);
        } catch (RecordNotFound e) {
            throw new RecordNotFound(RECORD);
        }
    }

    private RelationshipInfo forChange(Session session) {
        try {
            return relationships.describeForChange(session.relationship);
        } catch (RecordNotFound e) {
            throw new RecordNotFound(RECORD);
        }
    }

    private RelationshipInfo visibleRelationship(RelationshipId id) {
        if (id == null) throw new RecordNotFound("relationship");
        return relationships.describe(id);
    }

    private RelationshipInfo openForChange(RelationshipId id) {
        if (id == null) throw new RecordNotFound("relationship");
        RelationshipInfo info = relationships.describeForChange(id);
        if (!info.isOpen()) throw new RuleBroken("The relationship has ended: no more sessions can be added to it.");
        return info;
    }

    private static String byName() {
        return CurrentUser.require().displayName();
    }

    private Instant now() {
        return clock.instant();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
