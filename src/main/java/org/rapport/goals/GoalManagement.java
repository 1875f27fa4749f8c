package org.rapport.goals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.CurrentUser;
import org.rapport.audit.AuditTrail;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipInfo;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionInfo;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionOutcome;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.Tenancy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The goals module's commands and reads: identify concerns, set goals with their five levels, move
 * their status, rate them (alone or all at once in a session), add and tick off action steps, and
 * show a relationship's goals with its T-score. Who may see or change a goal is the relationship's
 * rule, asked of the relationships module; each read of a client's goals and each change is audited.
 */
@Service
public class GoalManagement {

    private static final String GOAL = "goal";
    private static final String CONCERN = "concern";

    private final Goals goals;
    private final Concerns concerns;
    private final RelationshipManagement relationships;
    private final SessionManagement sessions;
    private final AuditTrail audit;
    private final Clock clock;

    GoalManagement(Goals goals, Concerns concerns, RelationshipManagement relationships, SessionManagement sessions,
            AuditTrail audit, Clock clock) {
        this.goals = goals;
        this.concerns = concerns;
        this.relationships = relationships;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a concern identified with the client, in their words. */
    @Transactional
    public ConcernId addConcern(RelationshipId relationship, NewConcern concern) {
        RelationshipInfo info = openForChange(relationship);
        Concern identified = Concern.identify(Tenancy.require().value(), info.id().value(), concern, actor(), now(), today());
        concerns.save(identified);
        audit.changed(CONCERN, identified.id().value(), info.clientPartyId(), "identified a concern");
        return identified.id();
    }

    /** Sets a goal, under a concern of the same relationship, a new concern, or none. */
    @Transactional
    public GoalId setGoal(RelationshipId relationship, NewGoal goal) {
        RelationshipInfo info = openForChange(relationship);
        if (goal == null) throw new RuleBroken("Describe the goal, in the client's words.");
        UUID concernId = null;
        boolean newConcern = goal.newConcern() != null && !goal.newConcern().isBlank();
        if (goal.concern() != null) {
            if (newConcern) throw new RuleBroken("Choose a concern already identified or describe a new one, not both.");
            Concern concern = concerns.findById(goal.concern().value())
                    .filter(c -> c.relationshipId().equals(info.id().value()))
                    .orElseThrow(() -> new RecordNotFound(CONCERN));
            concernId = concern.id().value();
        }
        Goal set = Goal.set(Tenancy.require().value(), info.id().value(), concernId, goal, actor(), now(), today());
        if (newConcern) {
            Concern concern = Concern.identify(Tenancy.require().value(), info.id().value(),
                    new NewConcern(goal.newConcern(), set.setOn()), actor(), now(), today());
            concerns.save(concern);
            audit.changed(CONCERN, concern.id().value(), info.clientPartyId(), "identified a concern");
            set = Goal.set(Tenancy.require().value(), info.id().value(), concern.id().value(), goal, actor(), now(), today());
        }
        goals.save(set);
        audit.changed(GOAL, set.id().value(), info.clientPartyId(), "set a goal");
        return set.id();
    }

    /** Moves a goal's status along a legal path; returns the goal's new version. */
    @Transactional
    public int changeStatus(GoalId goal, int expectedVersion, GoalStatus status, @Nullable String reason) {
        Changing changing = forChange(goal, expectedVersion);
        changing.goal.changeStatus(status, reason, actor(), now());
        return save(changing, "goal status changed to " + status.label().toLowerCase());
    }

    /** Rates a goal on a day, outside any session; returns the goal's new version. */
    @Transactional
    public int rate(GoalId goal, AttainmentLevel level, LocalDate on) {
        return rate(goal, level, on, null);
    }

    /**
     * Rates a goal on a day, in a session of the same relationship when one is given (the rating
     * then takes the session's day); returns the goal's new version.
     */
    @Transactional
    public int rate(GoalId goal, AttainmentLevel level, @Nullable LocalDate on, @Nullable SessionId session) {
        Changing changing = forChange(goal, null);
        LocalDate day = on;
        if (session != null) {
            SessionInfo info = sessionOf(session, changing.relationship);
            if (day != null && !day.equals(info.on())) {
                throw new RuleBroken("A rating made in a session is dated the day of the session (" + Days.format(info.on()) + ").");
            }
            day = info.on();
        }
        if (day == null) day = today();
        changing.goal.rate(level, day, session == null ? null : session.value(), actor(), now(), today());
        return save(changing, "rated a goal " + (level == null ? "" : level.label()));
    }

    /**
     * Rates several goals of a session's relationship in that session, all or none: a level that is
     * missing leaves that goal unrated; any level out of range, foreign goal or broken rule stores
     * nothing. Returns how many goals were rated.
     */
    @Transactional
    public int rateInSession(SessionId session, Map<GoalId, Integer> levels) {
        if (session == null) throw new RecordNotFound("session");
        SessionInfo info = sessions.describeForChange(session);
        RelationshipInfo relationship = openForChange(info.relationship());
        requireRateable(info);
        Map<GoalId, Integer> chosen = new LinkedHashMap<>();
        if (levels != null) levels.forEach((id, level) -> {
            if (id != null && level != null) chosen.put(id, level);
        });
        if (chosen.isEmpty()) throw new RuleBroken("Choose a level for at least one goal.");
        List<Goal> rated = new ArrayList<>();
        for (Map.Entry<GoalId, Integer> entry : chosen.entrySet()) {
            Goal goal = goals.findById(entry.getKey().value())
                    .filter(g -> g.relationshipId().equals(relationship.id().value()))
                    .orElseThrow(() -> new RecordNotFound(GOAL));
            if (!AttainmentLevel.isLevel(entry.getValue())) {
                throw new RuleBroken("The level for the goal ‘" + shortly(goal.statement()) + "’ must be from −2 to +2.");
            }
            try {
                goal.rate(new AttainmentLevel(entry.getValue()), info.on(), session.value(), actor(), now(), today());
            } catch (RuleBroken e) {
                throw new RuleBroken("‘" + shortly(goal.statement()) + "’: " + e.getMessage());
            }
            rated.add(goal);
        }
        for (Goal goal : rated) {
            goals.save(goal);
            audit.changed(GOAL, goal.id().value(), relationship.clientPartyId(), "rated a goal in a session");
        }
        return rated.size();
    }

    /** Adds a step towards a goal and returns its id. */
    @Transactional
    public UUID addActionStep(GoalId goal, NewActionStep step) {
        Changing changing = forChange(goal, null);
        UUID id = changing.goal.addActionStep(step, actor(), now());
        save(changing, "added an action step");
        return id;
    }

    /** Ticks off a step on the day it was done. */
    @Transactional
    public int completeActionStep(GoalId goal, UUID step, @Nullable LocalDate doneOn) {
        Changing changing = forChange(goal, null);
        changing.goal.completeActionStep(step, doneOn == null ? today() : doneOn, today());
        return save(changing, "ticked off an action step");
    }

    /** A relationship's concerns and goals with its T-score and history; the read is audited. */
    @Transactional
    public GoalsOverview goalsOf(RelationshipId relationship) {
        RelationshipInfo info = relationships.describe(relationship);
        List<Goal> all = goals.findByRelationshipId(info.id().value());
        List<Concern> identified = concerns.findByRelationshipId(info.id().value()).stream()
                .sorted(Comparator.comparing(Concern::identifiedOn).thenComparing(Concern::recordedAt)).toList();
        Map<UUID, String> concernText = new HashMap<>();
        identified.forEach(c -> concernText.put(c.id().value(), c.description()));
        List<Goal> ordered = all.stream().sorted(Comparator.comparing(Goal::setOn).thenComparing(Goal::setAt)).toList();
        List<ConcernView> concernViews = identified.stream().map(c -> new ConcernView(c.id(), c.description(),
                c.identifiedOn(), c.identifiedByName(), ordered.stream()
                        .filter(g -> c.id().value().equals(g.concernId())).map(g -> view(g, concernText, Map.of(), today())).toList()))
                .toList();
        List<GoalView> loose = ordered.stream().filter(g -> g.concernId() == null)
                .map(g -> view(g, concernText, Map.of(), today())).toList();
        audit.read(GOAL, info.id().value(), info.clientPartyId(), "opened the relationship's goals");
        return new GoalsOverview(info.id(), concernViews, loose, TScores.now(all), TScores.history(all), info.mayChange());
    }

    /**
     * How each of the relationship's goals stands, oldest first, for the check before the work
     * closes. Not audited on its own: the page or command that shows or uses it is.
     */
    @Transactional(readOnly = true)
    public List<GoalStanding> standings(RelationshipId relationship) {
        RelationshipInfo info = relationships.describe(relationship);
        return goals.findByRelationshipId(info.id().value()).stream()
                .sorted(Comparator.comparing(Goal::setOn).thenComparing(Goal::setAt))
                .map(g -> new GoalStanding(g.id(), g.statement(), g.status(), List.copyOf(g.status().next()), g.version()))
                .toList();
    }

    /** The relationship's active goals, for rating in a session; the read is audited. */
    @Transactional
    public List<GoalView> activeGoals(RelationshipId relationship) {
        RelationshipInfo info = relationships.describe(relationship);
        List<Goal> active = goals.findByRelationshipId(info.id().value()).stream()
                .filter(g -> g.status() == GoalStatus.ACTIVE)
                .sorted(Comparator.comparing(Goal::setOn).thenComparing(Goal::setAt)).toList();
        Map<UUID, String> concernText = concernTexts(info);
        audit.read(GOAL, info.id().value(), info.clientPartyId(), "listed the active goals");
        return active.stream().map(g -> view(g, concernText, Map.of(), today())).toList();
    }

    /** One goal with its ratings, the sessions it was worked on and its status changes; the read is audited. */
    @Transactional
    public GoalHistory history(GoalId goal) {
        Goal found = visibleGoal(goal);
        RelationshipInfo info = relationships.describe(new RelationshipId(found.relationshipId()));
        Map<UUID, LocalDate> sessionDays = new HashMap<>();
        for (GoalRating rating : found.ratings()) {
            if (rating.sessionId() != null && !sessionDays.containsKey(rating.sessionId())) {
                sessionDay(rating.sessionId()).ifPresent(day -> sessionDays.put(rating.sessionId(), day));
            }
        }
        GoalView view = view(found, concernTexts(info), sessionDays, today());
        audit.read(GOAL, found.id().value(), info.clientPartyId(), "opened a goal");
        return new GoalHistory(info.id(), view, view.ratings(),
                view.ratings().stream().filter(r -> r.sessionId() != null).toList(), found.statusChanges(),
                info.mayChange());
    }

    private java.util.Optional<LocalDate> sessionDay(UUID session) {
        try {
            return java.util.Optional.of(sessions.describe(new SessionId(session)).on());
        } catch (RecordNotFound e) {
            return java.util.Optional.empty();
        }
    }

    /** A goal of a relationship the signed-in person may see; otherwise the same "not found" for every id. */
    private Goal visibleGoal(GoalId id) {
        if (id == null) throw new RecordNotFound(GOAL);
        Goal goal = goals.findById(id.value()).orElseThrow(() -> new RecordNotFound(GOAL));
        try {
            relationships.describe(new RelationshipId(goal.relationshipId()));
        } catch (RecordNotFound e) {
            throw new RecordNotFound(GOAL);
        }
        return goal;
    }

    private record Changing(Goal goal, RelationshipInfo relationship) {
    }

    private Changing forChange(GoalId id, @Nullable Integer expectedVersion) {
        if (id == null) throw new RecordNotFound(GOAL);
        Goal goal = goals.findById(id.value()).orElseThrow(() -> new RecordNotFound(GOAL));
        RelationshipInfo info;
        try {
            info = openForChange(new RelationshipId(goal.relationshipId()));
        } catch (RecordNotFound e) {
            throw new RecordNotFound(GOAL);
        }
        if (expectedVersion != null && expectedVersion != goal.version()) {
            throw new OptimisticLockingFailureException("goal changed since it was loaded");
        }
        return new Changing(goal, info);
    }

    private RelationshipInfo openForChange(RelationshipId relationship) {
        if (relationship == null) throw new RecordNotFound("relationship");
        RelationshipInfo info = relationships.describeForChange(relationship);
        if (!info.isOpen()) throw new RuleBroken("The relationship has ended; its goals can no longer change.");
        return info;
    }

    /** A session of this relationship in which goals may be rated. */
    private SessionInfo sessionOf(SessionId session, RelationshipInfo relationship) {
        SessionInfo info = sessions.describe(session);
        if (!info.relationship().equals(relationship.id())) {
            throw new RuleBroken("That session belongs to another relationship; rate a goal in a session of its own relationship.");
        }
        requireRateable(info);
        return info;
    }

    private static void requireRateable(SessionInfo session) {
        if (session.outcome() != SessionOutcome.ATTENDED && session.outcome() != SessionOutcome.SCHEDULED) {
            throw new RuleBroken("Goals are rated in a session that took place; this one is marked ‘"
                    + session.outcome().label() + "’.");
        }
    }

    private int save(Changing changing, String detail) {
        Goal saved = goals.save(changing.goal);
        audit.changed(GOAL, changing.goal.id().value(), changing.relationship.clientPartyId(), detail);
        return saved.version();
    }

    private Map<UUID, String> concernTexts(RelationshipInfo info) {
        Map<UUID, String> texts = new HashMap<>();
        concerns.findByRelationshipId(info.id().value()).forEach(c -> texts.put(c.id().value(), c.description()));
        return texts;
    }

    static GoalView view(Goal goal, Map<UUID, String> concernText, Map<UUID, LocalDate> sessionDays, LocalDate today) {
        LevelDescriptions levels = goal.levels();
        GoalRating latest = goal.latestRating().orElse(null);
        List<LevelView> levelViews = new ArrayList<>();
        for (int v = AttainmentLevel.LOWEST; v <= AttainmentLevel.HIGHEST; v++) {
            AttainmentLevel level = new AttainmentLevel(v);
            levelViews.add(new LevelView(v, level.label(), level.meaning(), Objects.requireNonNull(levels.of(level)),
                    goal.baseline().value() == v, latest != null && latest.level() == v));
        }
        List<RatingView> ratings = goal.ratings().stream().sorted(Goal.RATING_ORDER)
                .map(r -> new RatingView(r.level(), r.attainment().label(), Objects.requireNonNull(levels.of(r.attainment())),
                        r.ratedOn(), r.sessionId(), r.sessionId() == null ? null : sessionDays.get(r.sessionId()),
                        r.ratedByName()))
                .toList();
        return new GoalView(goal.id(), goal.concernId() == null ? null : new ConcernId(goal.concernId()),
                goal.concernId() == null ? null : concernText.get(goal.concernId()), goal.statement(), goal.setByName(),
                goal.setOn(), goal.status(), List.copyOf(goal.status().next()), levelViews, goal.baseline().value(),
                goal.baseline().label(), goal.importance(), goal.difficulty(), goal.weight(), goal.isWeighted(),
                latest == null ? null : latest.level(), latest == null ? null : latest.attainment().label(),
                latest == null ? null : levels.of(latest.attainment()), latest == null ? null : latest.ratedOn(), ratings,
                goal.actionSteps().stream().map(s -> new GoalView.ActionStepView(s.stepId(), s.description(),
                        s.whoDoesIt(), s.whoDoesIt().label(), s.dueBy(), s.doneOn(), s.isOverdue(today), s.addedByName())).toList(),
                goal.version());
    }

    static String shortly(String statement) {
        return statement.length() <= 60 ? statement : statement.substring(0, 59) + "…";
    }

    private Actor actor() {
        CurrentUser user = CurrentUser.require();
        return new Actor(user.accountId().value(), user.displayName());
    }

    private Instant now() {
        return clock.instant();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
