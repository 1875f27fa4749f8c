package org.rapport.measures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.CurrentUser;
import org.rapport.alerts.AlertKind;
import org.rapport.alerts.AlertManagement;
import org.rapport.audit.AuditTrail;
import org.rapport.measures.outcomes.AlertPolicies;
import org.rapport.measures.outcomes.AlertReason;
import org.rapport.measures.outcomes.ChangeClassification;
import org.rapport.measures.outcomes.NotOnTrack;
import org.rapport.measures.outcomes.ReliableChange;
import org.rapport.measures.outcomes.RiskItemAnswer;
import org.rapport.measures.outcomes.ScoreDirection;
import org.rapport.people.ClientParty;
import org.rapport.people.ClientPartyId;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipInfo;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionInfo;
import org.rapport.sessions.SessionManagement;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.SecretTokens;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.Tenancy;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Giving instruments to clients and reading their scores: a relationship's measurement plan, a
 * one-time link a client answers on their phone (resumable, single use, expiring after seven days),
 * answers the helper enters in a session, and the scores with their change from first to latest.
 *
 * <p>Completing an administration scores it and, in the same transaction, raises the alerts its
 * policies call for (risk item endorsed, not on track, alliance slipping), so answers and alerts
 * stand or fall together. Every read and change is audited; answers and scores are client content
 * and never go into the audit detail or a log.
 */
@Service
public class MeasureManagement {

    static final String RECORD = "measure";
    static final Duration LINK_LIFETIME = Duration.ofDays(7);
    static final int MAX_TOKEN_LENGTH = 100;
    static final String CHECK_IN = "rapport-check-in";
    static final int MAX_PLAN_ENTRIES = 20;

    private final Administrations administrations;
    private final AccountManagement accounts;
    private final InstrumentCatalogue instruments;
    private final RelationshipManagement relationships;
    private final SessionManagement sessions;
    private final PeopleManagement people;
    private final AlertManagement alerts;
    private final AuditTrail audit;
    private final TransactionTemplate linkWork;
    private final TransactionTemplate lookup;
    private final Clock clock;

    MeasureManagement(Administrations administrations, InstrumentCatalogue instruments, RelationshipManagement relationships,
            SessionManagement sessions, PeopleManagement people, AlertManagement alerts, AuditTrail audit,
            AccountManagement accounts, PlatformTransactionManager transactions, Clock clock) {
        this.accounts = accounts;
        this.administrations = administrations;
        this.instruments = instruments;
        this.relationships = relationships;
        this.sessions = sessions;
        this.people = people;
        this.alerts = alerts;
        this.audit = audit;
        this.linkWork = new TransactionTemplate(transactions);
        this.lookup = new TransactionTemplate(transactions);
        this.lookup.setReadOnly(true);
        this.clock = clock;
    }

    /** The instruments that may be given, in the order they are offered: the shipped ones, then the organisation's own. */
    public List<InstrumentDefinition> instruments() {
        return instruments.all();
    }

    /** One instrument by its key; unknown keys are not found. */
    public InstrumentDefinition instrument(String key) {
        return instruments.find(key).orElseThrow(() -> new RecordNotFound("instrument"));
    }

    /**
     * The instrument whose answers the helper is about to enter: only for staff who may change the
     * relationship, while it is open.
     */
    @Transactional(readOnly = true)
    public InstrumentDefinition instrumentToEnter(RelationshipId relationship, String instrumentKey) {
        openForChange(relationship);
        return instrument(instrumentKey);
    }

    /** The relationship's measurement plan. The reading is audited. */
    @Transactional
    public List<PlanEntry> planOf(RelationshipId relationship) {
        RelationshipInfo info = relationships.describe(relationship);
        audit.read(RECORD, relationship.value(), info.clientPartyId(), "read the measurement plan");
        return administrations.planOf(relationship);
    }

    /**
     * The relationship's measurement plan as its page shows it: the entries, the plan in one line,
     * and whether the person signed in may change it. The reading is audited.
     */
    @Transactional
    public MeasurementPlan plan(RelationshipId relationship) {
        RelationshipInfo info = relationships.describe(relationship);
        audit.read(RECORD, relationship.value(), info.clientPartyId(), "read the measurement plan");
        List<PlanEntry> entries = administrations.planOf(relationship);
        return new MeasurementPlan(entries, summary(entries), info.mayChange() && info.isOpen());
    }

    /** The plan in one line, without an audit entry, for the panel that audits its own reading. */
    String planSummaryOf(RelationshipId relationship) {
        return summary(administrations.planOf(relationship));
    }

    /** Reads as "PHQ-9 every session; Check-in every 4 sessions", or "No measures planned". */
    String summary(List<PlanEntry> plan) {
        if (plan.isEmpty()) return "No measures planned";
        var parts = new ArrayList<String>();
        for (PlanEntry entry : plan) {
            String name = instruments.find(entry.instrumentKey()).map(MeasureManagement::shortName).orElse(entry.instrumentKey());
            parts.add(name + " " + entry.timing().phrase(entry.every()));
        }
        return String.join("; ", parts);
    }

    // --- what the plan calls for ----------------------------------------------------------------

    /** The highest session number asked about: well beyond any real course of work. */
    static final int MAX_SESSION_NUMBER = 10_000;

    /**
     * The instruments the relationship's plan calls for at its session with this number (the
     * first held session is 1): "at the first session" at session 1, "every session" at each,
     * "every n sessions" at sessions 1, n + 1, 2n + 1 and so on, so the first score is a baseline.
     * In plan order. The reading is audited.
     *
     * @throws RuleBroken when the session number is below 1 or above 10,000
     * @throws RecordNotFound when the signed-in person does not see the relationship
     */
    @Transactional
    public List<DueMeasure> dueAtSession(RelationshipId relationship, int sessionNumber) {
        if (sessionNumber < 1 || sessionNumber > MAX_SESSION_NUMBER) {
            throw new RuleBroken("A session number is a whole number from 1 to " + MAX_SESSION_NUMBER + "; the first session held is 1.");
        }
        return due(plan(relationship, "read the measures due at a session"), e -> isDueAt(e, sessionNumber));
    }

    /**
     * The measures due at the relationship's next session: its number is one more than the sessions
     * held so far (those attended). The reading is audited.
     */
    @Transactional
    public SessionMeasures dueAtNextSession(RelationshipId relationship) {
        int number = (int) Math.min(MAX_SESSION_NUMBER, heldBefore(relationship, null) + 1);
        return new SessionMeasures(number, dueAtSession(relationship, number));
    }

    /**
     * The measures due at one session: its number is its place among the sessions held, counting
     * itself when it was held; for a session not held (yet), the number it would have, one more than
     * those held on earlier days. The reading is audited.
     *
     * @throws RecordNotFound when the session is unknown or the signed-in person does not see it
     */
    @Transactional
    public SessionMeasures dueAtSessionOf(SessionId session) {
        SessionInfo info = sessions.describe(session);
        int number = (int) Math.min(MAX_SESSION_NUMBER, heldBefore(info.relationship(), info) + 1);
        return new SessionMeasures(number, dueAtSession(info.relationship(), number));
    }

    /** The instruments the plan gives at the ending, in plan order. The reading is audited. */
    @Transactional
    public List<DueMeasure> dueAtEnding(RelationshipId relationship) {
        return due(plan(relationship, "read the measures due at the ending"), e -> e.timing() == PlanTiming.AT_ENDING);
    }

    /**
     * The key of the instrument the plan gives at follow-ups (the first such, in plan order), or
     * empty when the plan names none. The reading is audited.
     */
    @Transactional
    public Optional<String> followUpInstrument(RelationshipId relationship) {
        return plan(relationship, "read the measure due at follow-ups").stream()
                .filter(e -> e.timing() == PlanTiming.AT_FOLLOW_UP).map(PlanEntry::instrumentKey).findFirst();
    }

    static boolean isDueAt(PlanEntry entry, int sessionNumber) {
        return switch (entry.timing()) {
            case FIRST_SESSION -> sessionNumber == 1;
            case EVERY_SESSION -> true;
            case EVERY_N_SESSIONS -> entry.every() != null && entry.every() > 0 && (sessionNumber - 1) % entry.every() == 0;
            case AT_ENDING, AT_FOLLOW_UP -> false;
        };
    }

    private List<PlanEntry> plan(RelationshipId relationship, String detail) {
        if (relationship == null) throw new RecordNotFound("relationship");
        RelationshipInfo info = relationships.describe(relationship);
        audit.read(RECORD, relationship.value(), info.clientPartyId(), detail);
        return administrations.planOf(relationship);
    }

    private List<DueMeasure> due(List<PlanEntry> plan, java.util.function.Predicate<PlanEntry> when) {
        List<DueMeasure> due = new ArrayList<>();
        for (PlanEntry entry : plan) {
            if (!when.test(entry)) continue;
            Optional<InstrumentDefinition> instrument = instruments.find(entry.instrumentKey());
            String name = instrument.map(InstrumentDefinition::briefName).orElse(entry.instrumentKey());
            due.add(new DueMeasure(entry.instrumentKey(), name, instrument.map(InstrumentDefinition::label).orElse(name),
                    entry.timing(), entry.every(), name + " " + entry.timing().phrase(entry.every())));
        }
        return due;
    }

    /** Sessions held (attended) before this one, or all of them for the next session. */
    private long heldBefore(RelationshipId relationship, @Nullable SessionInfo session) {
        List<SessionInfo> all = sessions.sessionsOf(relationship);
        if (session == null) return all.stream().filter(s -> s.outcome().isHeld()).count();
        return all.stream().filter(s -> s.outcome().isHeld() && !s.id().equals(session.id()))
                .filter(s -> s.on().isBefore(session.on()) || (s.on().equals(session.on()) && s.at().isBefore(session.at())))
                .count();
    }

    /**
     * Replaces the relationship's measurement plan; at most 20 entries, each instrument at most
     * once, "every n" with n from 2 to 52. A plan with any problem is refused whole.
     */
    @Transactional
    public void setPlan(RelationshipId relationship, List<PlanEntry> plan) {
        RelationshipInfo info = relationships.describeForChange(relationship);
        checkPlan(plan);
        administrations.replacePlan(relationship, plan);
        audit.changed(RECORD, relationship.value(), info.clientPartyId(), "changed the measurement plan");
    }

    /** The plan each new relationship of the organisation starts with; empty when it starts with none. */
    @Transactional(readOnly = true)
    public MeasurementPlan defaultPlan() {
        CurrentUser me = CurrentUser.require();
        List<PlanEntry> entries = administrations.defaultPlan();
        return new MeasurementPlan(entries, summary(entries), me.isAdmin());
    }

    /**
     * Replaces the plan new relationships start with, under the same rules as a relationship's plan;
     * an admin's choice. Relationships already open keep their own.
     */
    @Transactional
    public void setDefaultPlan(List<PlanEntry> plan) {
        CurrentUser me = CurrentUser.require();
        if (!me.isAdmin()) throw new AccessDeniedException("only an organisation admin may change the default plan");
        checkPlan(plan);
        administrations.replaceDefaultPlan(plan);
    }

    private void checkPlan(List<PlanEntry> plan) {
        if (plan == null) throw new RuleBroken("Give the plan, or an empty list for no measures.");
        if (plan.size() > MAX_PLAN_ENTRIES)
            throw new RuleBroken("A plan can have at most " + MAX_PLAN_ENTRIES + " measures; this one has " + plan.size() + ".");
        var keys = new HashSet<String>();
        for (PlanEntry entry : plan) {
            if (entry == null || entry.timing() == null) throw new RuleBroken("Each measure in the plan needs when it is given.");
            instrumentForPlan(entry.instrumentKey());
            if (!keys.add(entry.instrumentKey()))
                throw new RuleBroken("The plan names " + instrument(entry.instrumentKey()).label() + " twice. Give each measure once.");
            boolean everyN = entry.timing() == PlanTiming.EVERY_N_SESSIONS;
            if (everyN && (entry.every() == null || entry.every() < 2 || entry.every() > 52))
                throw new RuleBroken("Say how many sessions apart, from 2 to 52.");
            if (!everyN && entry.every() != null)
                throw new RuleBroken("A number of sessions goes only with \"every few sessions\".");
        }
    }

    /**
     * Makes a one-time link for the client to answer an instrument: only for staff who may change
     * the relationship, while it is open. The path, with its secret token, is returned only now.
     */
    @Transactional
    public SentLink send(RelationshipId relationship, String instrumentKey) {
        RelationshipInfo info = openForChange(relationship);
        InstrumentDefinition instrument = instrumentForPlan(instrumentKey);
        Instant now = now();
        Instant expires = now.plus(LINK_LIFETIME);
        AdministrationId id = new AdministrationId(UUID.randomUUID());
        administrations.insert(id, relationship, info.clientPartyId(), instrument.key(), null, firstName(info), now, byName(),
                expires, Administrations.Status.SENT);
        String token = SecretTokens.newToken();
        administrations.link(SecretTokens.hash(token), id);
        audit.changed(RECORD, id.value(), info.clientPartyId(), "sent a link to answer " + instrument.name());
        return new SentLink(id, "/m/" + token, expires);
    }

    /** The helper enters the client's answers in a session; scored and checked for alerts at once. */
    @Transactional
    public AdministrationId enterInSession(RelationshipId relationship, String instrumentKey, Map<String, Integer> answers,
            @Nullable SessionId session) {
        RelationshipInfo info = openForChange(relationship);
        InstrumentDefinition instrument = instrumentForPlan(instrumentKey);
        Instant now = now();
        // Answers given in a session carry the session's time, even when entered later: charts and
        // the order of scores follow when the client answered, not when the answers were typed in.
        Instant answeredAt = now;
        if (session != null) {
            SessionInfo held;
            try {
                held = sessions.session(session);
            } catch (RecordNotFound e) {
                throw new RecordNotFound("session");
            }
            if (!held.relationship().equals(relationship)) throw new RecordNotFound("session");
            Instant heldAt = held.on().atTime(held.at())
                    .atZone(java.time.ZoneId.of(accounts.organisationSettings().timeZone())).toInstant();
            if (heldAt.isBefore(now)) answeredAt = heldAt;
        }
        Map<String, Integer> checked = AnswerChecks.checked(instrument, answers == null ? Map.of() : answers);
        Score score = instrument.score(checked);
        AdministrationId id = new AdministrationId(UUID.randomUUID());
        administrations.insert(id, relationship, info.clientPartyId(), instrument.key(),
                session == null ? null : session.value(), firstName(info), now, byName(), null,
                Administrations.Status.IN_PROGRESS);
        administrations.complete(id, checked, score, EnteredBy.HELPER, answeredAt);
        audit.changed(RECORD, id.value(), info.clientPartyId(), "entered answers to " + instrument.name() + " in a session");
        raiseAlerts(relationship, info.clientPartyId(), instrument, id, checked, score);
        return id;
    }

    /**
     * Stores a former client's answers to the short measure of a follow-up check-in, scores them and
     * raises the alerts the measure's policies call for (a reliable deterioration since the first
     * score alerts the former helper), all in the caller's transaction. For the follow-ups module,
     * which has checked the client's one-time link: it works with nobody signed in, and only for a
     * relationship of the organisation in scope that has ended. Answers that cannot be scored are
     * refused with {@link InvalidAnswers} and nothing is stored.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AdministrationId recordFollowUp(RelationshipId relationship, String instrumentKey, Map<String, Integer> answers) {
        RelationshipInfo info = relationships.describeForClientLink(relationship).orElseThrow(() -> new RecordNotFound("relationship"));
        if (info.isOpen()) throw new RuleBroken("A follow-up is answered once the relationship has ended.");
        InstrumentDefinition instrument = instrumentForPlan(instrumentKey);
        Map<String, Integer> checked = AnswerChecks.checked(instrument, answers == null ? Map.of() : answers);
        Score score = instrument.score(checked);
        Instant now = now();
        AdministrationId id = new AdministrationId(UUID.randomUUID());
        administrations.insert(id, relationship, info.clientPartyId(), instrument.key(), null, firstName(info), now,
                "Follow-up check-in", null, Administrations.Status.IN_PROGRESS);
        administrations.complete(id, checked, score, EnteredBy.CLIENT, now);
        audit.changed(RECORD, id.value(), info.clientPartyId(), "the client answered " + instrument.name() + " at a follow-up");
        raiseAlerts(relationship, info.clientPartyId(), instrument, id, checked, score);
        return id;
    }

    /**
     * What a client sees when they open their link, with nobody signed in. An unknown, expired, used
     * or revoked link is refused with {@link LinkNotUsable}, which says nothing about why.
     */
    public ClientForm openByLink(String token) {
        return withLink(token, (id, organisation) -> {
            Administrations.Row row = usable(id);
            InstrumentDefinition instrument = instrument(row.instrumentKey());
            audit.read(RECORD, id.value(), row.clientPartyId(), "the client opened their link");
            return new ClientForm(instrument, row.firstName(), administrations.answersOf(id),
                    accounts.organisationSettings().crisisShownToClients());
        });
    }

    /**
     * Saves a client's answers from their link: part-way (to resume later from the same link) or
     * finished, which scores them, uses up the link and raises any alerts, all in one transaction.
     */
    public void saveByLink(String token, Map<String, Integer> answers, boolean finished) {
        withLink(token, (id, organisation) -> {
            Administrations.Row row = usable(id);
            InstrumentDefinition instrument = instrument(row.instrumentKey());
            Map<String, Integer> checked = AnswerChecks.checked(instrument, answers == null ? Map.of() : answers);
            if (!finished) {
                administrations.saveAnswers(id, checked, Administrations.Status.IN_PROGRESS);
                audit.changed(RECORD, id.value(), row.clientPartyId(), "the client saved answers to finish later");
                // A risk answer is acted on when it is stored, not when the client comes back to send.
                raiseRiskAlert(row.relationship(), row.clientPartyId(), instrument, id, checked);
                return null;
            }
            Score score = instrument.score(checked);
            administrations.complete(id, checked, score, EnteredBy.CLIENT, now());
            administrations.unlink(id);
            audit.changed(RECORD, id.value(), row.clientPartyId(), "the client sent their answers to " + instrument.name());
            raiseAlerts(row.relationship(), row.clientPartyId(), instrument, id, checked, score);
            return null;
        });
    }

    /** A relationship's scores, per instrument oldest first, with the change from first to latest. Audited. */
    @Transactional
    public List<ScoreView> scoresOf(RelationshipId relationship) {
        RelationshipInfo info = relationships.describe(relationship);
        audit.read(RECORD, relationship.value(), info.clientPartyId(), "read the measures' scores");
        return views(relationship);
    }

    /**
     * Recovery and reliable recovery as NHS Talking Therapies defines them, when both PHQ-9 and
     * GAD-7 have been given; empty otherwise. Audited as a read of the scores.
     */
    @Transactional
    public Optional<TalkingTherapiesView> talkingTherapiesOutcomeOf(RelationshipId relationship) {
        RelationshipInfo info = relationships.describe(relationship);
        audit.read(RECORD, relationship.value(), info.clientPartyId(), "read the measures' outcome");
        return TalkingTherapiesView.of(views(relationship));
    }

    /** The scores without an audit entry, for the panel and timeline that audit their own reading. */
    List<ScoreView> views(RelationshipId relationship) {
        Map<String, List<ScoredAdministration>> byInstrument = new LinkedHashMap<>();
        for (InstrumentDefinition instrument : instruments.all()) byInstrument.put(instrument.key(), new ArrayList<>());
        for (Administrations.Row row : administrations.completedOf(relationship)) {
            byInstrument.computeIfAbsent(row.instrumentKey(), k -> new ArrayList<>()).add(scored(row));
        }
        List<ScoreView> views = new ArrayList<>();
        byInstrument.forEach((key, scores) -> {
            if (scores.isEmpty()) return;
            Optional<InstrumentDefinition> instrument = instruments.find(key);
            String label = instrument.map(InstrumentDefinition::label).orElse(key);
            String meaning = instrument.map(i -> i.scoring().cutOff() == null ? null : i.scoring().cutOff().meaning()).orElse(null);
            ChangeClassification change = null;
            if (scores.size() >= 2 && instrument.isPresent()) {
                ReliableChange rc = reliableChange(instrument.get());
                if (rc != null) change = rc.classify(scores.get(0).total(), scores.get(scores.size() - 1).total(),
                        direction(instrument.get()));
            }
            views.add(new ScoreView(key, label, meaning, scores, change));
        });
        return views;
    }

    static ScoredAdministration scored(Administrations.Row row) {
        return new ScoredAdministration(row.id(), row.completedAt(), row.total() == null ? 0 : row.total(), row.band(),
                row.meetsCutOff(), row.riskEndorsed(), row.enteredBy() == null ? EnteredBy.CLIENT : row.enteredBy(),
                row.riskItemUnanswered());
    }

    // --- alerts ------------------------------------------------------------------------------------

    /** Any stored answer to a risk item above its lowest raises the risk alert, scored or not. */
    private void raiseRiskAlert(RelationshipId relationship, UUID clientParty, InstrumentDefinition instrument,
            AdministrationId id, Map<String, Integer> answers) {
        List<RiskItemAnswer> risk = new ArrayList<>();
        for (int i = 0; i < instrument.items().size(); i++) {
            Item item = instrument.items().get(i);
            Integer value = answers.get(item.linkId());
            if (!item.risk() || value == null) continue;
            int aboveLowest = value - instrument.answerSet(item.answerSet()).lowest();
            risk.add(new RiskItemAnswer(shortName(instrument) + " item " + (i + 1), Math.max(0, aboveLowest)));
        }
        AlertPolicies.RISK_ITEM_ENDORSED.evaluate(risk).ifPresent(reason ->
                raise(relationship, clientParty, AlertKind.RISK, reason, id));
    }

    /** A scored measure with a risk item left unanswered: the helper is told to ask (decision 24). */
    private void raiseUnansweredRiskAlert(RelationshipId relationship, UUID clientParty, InstrumentDefinition instrument,
            AdministrationId id, Map<String, Integer> answers) {
        List<String> unanswered = new ArrayList<>();
        for (int i = 0; i < instrument.items().size(); i++) {
            Item item = instrument.items().get(i);
            if (item.risk() && answers.get(item.linkId()) == null) unanswered.add(shortName(instrument) + " item " + (i + 1));
        }
        AlertPolicies.RISK_ITEM_UNANSWERED.evaluate(unanswered).ifPresent(reason ->
                raise(relationship, clientParty, AlertKind.RISK, reason, id));
    }

    private void raiseAlerts(RelationshipId relationship, UUID clientParty, InstrumentDefinition instrument,
            AdministrationId id, Map<String, Integer> answers, Score score) {
        raiseRiskAlert(relationship, clientParty, instrument, id, answers);
        if (score.riskItemUnanswered()) raiseUnansweredRiskAlert(relationship, clientParty, instrument, id, answers);
        List<Double> totals = administrations.completedOf(relationship).stream()
                .filter(row -> row.instrumentKey().equals(instrument.key()) && row.total() != null)
                .map(Administrations.Row::total).toList();
        if (totals.isEmpty()) return;
        double first = totals.get(0);
        double latest = totals.get(totals.size() - 1);
        if (instrument.key().equals(CHECK_IN)) {
            Double previous = totals.size() >= 2 ? totals.get(totals.size() - 2) : null;
            AlertPolicies.ALLIANCE_SLIPPING_CHECK_IN.evaluate(latest, previous).ifPresent(reason ->
                    raise(relationship, clientParty, AlertKind.ALLIANCE_SLIPPING, reason, id));
            return;
        }
        ReliableChange rc = reliableChange(instrument);
        if (rc == null || totals.size() < 2) return;
        NotOnTrack policy = notOnTrack(instrument);
        Optional<AlertReason> reason;
        if (policy != null) {
            // The session number is the position of this score among the relationship's scores on the measure, the first being 1.
            reason = policy.evaluate(first, latest, totals.size());
        } else if (rc.classify(first, latest, direction(instrument)) == ChangeClassification.RELIABLE_DETERIORATION) {
            reason = Optional.of(new AlertReason(NotOnTrack.NAME, "The latest " + shortName(instrument)
                    + " score is a reliable deterioration since the first. Review the plan with the client and in supervision."));
        } else {
            reason = Optional.empty();
        }
        reason.ifPresent(r -> raise(relationship, clientParty, AlertKind.NOT_ON_TRACK, r, id));
    }

    private void raise(RelationshipId relationship, UUID clientParty, AlertKind kind, AlertReason reason, AdministrationId id) {
        alerts.raise(relationship, clientParty, kind, reason.policy(), reason.reason(), id.value());
    }

    private static @Nullable NotOnTrack notOnTrack(InstrumentDefinition instrument) {
        return switch (instrument.key()) {
            case "phq-9" -> AlertPolicies.NOT_ON_TRACK_PHQ_9;
            case "gad-7" -> AlertPolicies.NOT_ON_TRACK_GAD_7;
            default -> null;
        };
    }

    static @Nullable ReliableChange reliableChange(InstrumentDefinition instrument) {
        Scoring scoring = instrument.scoring();
        if (scoring.reliableChange() != null) return ReliableChange.fixedValue(scoring.reliableChange());
        if (scoring.reliability() != null && scoring.standardDeviation() != null)
            return ReliableChange.jacobsonTruax(scoring.standardDeviation(), scoring.reliability());
        return null;
    }

    static ScoreDirection direction(InstrumentDefinition instrument) {
        return instrument.scoring().higherIsBetter() ? ScoreDirection.HIGHER_IS_BETTER : ScoreDirection.LOWER_IS_BETTER;
    }

    // --- links -------------------------------------------------------------------------------------

    private interface LinkWork<T> {
        T run(AdministrationId id, OrganisationId organisation);
    }

    /** Finds the link's organisation with none in scope, then does the work in a transaction within it. */
    private <T> T withLink(String token, LinkWork<T> work) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) throw new LinkNotUsable();
        String hash = SecretTokens.hash(token);
        Optional<Map.Entry<OrganisationId, AdministrationId>> link = lookup.execute(status -> administrations.linkOf(hash));
        if (link == null || link.isEmpty()) throw new LinkNotUsable();
        OrganisationId organisation = link.get().getKey();
        AdministrationId id = link.get().getValue();
        if (Tenancy.current().isPresent() && !Tenancy.current().get().equals(organisation)) throw new LinkNotUsable();
        try {
            return Tenancy.callAs(organisation, () -> linkWork.execute(status -> work.run(id, organisation)));
        } catch (Expired e) {
            // Marked only after the refused work has rolled back and let go of the row.
            Tenancy.runAs(organisation, () -> linkWork.executeWithoutResult(status -> {
                administrations.expire(id);
                administrations.unlink(id);
            }));
            throw new LinkNotUsable();
        }
    }

    /** A link found past its expiry, inside the work; turned into {@link LinkNotUsable} once marked. */
    private static final class Expired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Expired() {
            super(null, null, false, false);
        }
    }

    /** The administration behind a link, locked, if it may still be answered; an expired one is marked so and refused. */
    private Administrations.Row usable(AdministrationId id) {
        Administrations.Row row = administrations.lockForChange(id).orElseThrow(LinkNotUsable::new);
        if (row.status() != Administrations.Status.SENT && row.status() != Administrations.Status.IN_PROGRESS)
            throw new LinkNotUsable();
        if (row.expiresAt() == null || !now().isBefore(row.expiresAt())) throw new Expired();
        return row;
    }

    // --- helpers -----------------------------------------------------------------------------------

    private InstrumentDefinition instrumentForPlan(@Nullable String key) {
        if (key == null || key.isBlank()) throw new RuleBroken("Choose a measure.");
        return instruments.find(key).orElseThrow(() -> new RuleBroken("There is no measure called " + shorten(key) + "."));
    }

    private RelationshipInfo openForChange(RelationshipId relationship) {
        RelationshipInfo info = relationships.describeForChange(relationship);
        if (!info.isOpen()) throw new RuleBroken("This relationship has ended; measures can no longer be given in it.");
        return info;
    }

    /** The client's first name only: the first word of the member's name for a person, of the party's name otherwise. */
    private String firstName(RelationshipInfo info) {
        ClientParty party = people.clientParty(new ClientPartyId(info.clientPartyId()));
        String name = party.kind() == ClientPartyKind.PERSON && !party.members().isEmpty()
                ? party.members().get(0).name() : party.name();
        String trimmed = name.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    private static String shorten(String text) {
        String plain = text.replaceAll("[^A-Za-z0-9 _-]", "");
        return "\"" + (plain.length() > 40 ? plain.substring(0, 40) : plain) + "\"";
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static String byName() {
        return CurrentUser.find().map(user -> user.displayName()).orElse("Rapport (system)");
    }

    /** The name helpers know a measure by in alerts and plans, e.g. "PHQ-9": the instrument's brief name. */
    static String shortName(InstrumentDefinition instrument) {
        return instrument.briefName();
    }
}
