package org.rapport.goals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.goals.scoring.GoalAttainmentScaling;
import org.rapport.shared.FreeText;
import org.rapport.shared.RuleBroken;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A goal the client works towards, in their own words, scaled for goal attainment: five levels
 * described when it is set, the level at baseline, and ratings over time. Only an active goal is
 * rated; a rating is never in the future nor before the goal was set, and a goal is rated at most
 * once per session. Its status moves only along the legal paths of {@link GoalStatus}, and every
 * move is kept with who, when and why.
 */
@Table("goal")
class Goal {

    static final int MAX_STATEMENT = 1000;
    static final int MAX_STEP = 500;
    static final int MAX_REASON = 500;

    @Id
    private final UUID goalId;
    private final UUID organisationId;
    private final UUID relationshipId;
    private final @Nullable UUID concernId;
    @ReadOnlyProperty
    private String statement;
    private final LocalDate setOn;
    private final UUID setBy;
    private final String setByName;
    private final Instant setAt;
    private GoalStatus status;
    @ReadOnlyProperty
    private String levelMinusTwo;
    @ReadOnlyProperty
    private String levelMinusOne;
    @ReadOnlyProperty
    private String levelZero;
    @ReadOnlyProperty
    private String levelPlusOne;
    @ReadOnlyProperty
    private String levelPlusTwo;
    private final int baselineLevel;
    private final @Nullable Integer importance;
    private final @Nullable Integer difficulty;
    @Version
    private @Nullable Integer version;
    /** The goal's texts, sealed (see {@link #texts()}); the text columns are read only for a goal an earlier version wrote. */
    private byte @Nullable [] narrative;

    @MappedCollection(idColumn = "goal_id", keyColumn = "position")
    private final List<GoalRating> ratings;
    @MappedCollection(idColumn = "goal_id", keyColumn = "position")
    private final List<ActionStep> actionSteps;
    @MappedCollection(idColumn = "goal_id", keyColumn = "position")
    private final List<GoalStatusChange> statusChanges;

    @PersistenceCreator
    Goal(UUID goalId, UUID organisationId, UUID relationshipId, @Nullable UUID concernId, String statement,
            LocalDate setOn, UUID setBy, String setByName, Instant setAt, GoalStatus status, String levelMinusTwo,
            String levelMinusOne, String levelZero, String levelPlusOne, String levelPlusTwo, int baselineLevel,
            @Nullable Integer importance, @Nullable Integer difficulty, @Nullable Integer version,
            List<GoalRating> ratings, List<ActionStep> actionSteps, List<GoalStatusChange> statusChanges) {
        this.goalId = goalId;
        this.organisationId = organisationId;
        this.relationshipId = relationshipId;
        this.concernId = concernId;
        this.statement = statement;
        this.setOn = setOn;
        this.setBy = setBy;
        this.setByName = setByName;
        this.setAt = setAt;
        this.status = status;
        this.levelMinusTwo = levelMinusTwo;
        this.levelMinusOne = levelMinusOne;
        this.levelZero = levelZero;
        this.levelPlusOne = levelPlusOne;
        this.levelPlusTwo = levelPlusTwo;
        this.baselineLevel = baselineLevel;
        this.importance = importance;
        this.difficulty = difficulty;
        this.version = version;
        this.ratings = new ArrayList<>(ratings);
        this.actionSteps = new ArrayList<>(actionSteps);
        this.statusChanges = new ArrayList<>(statusChanges);
    }

    /** Sets a goal: every level described, the baseline given, weights 0–3 when given, never dated in the future. */
    static Goal set(UUID organisationId, UUID relationshipId, @Nullable UUID concernId, NewGoal goal, Actor by,
            Instant at, LocalDate today) {
        if (goal == null) throw new RuleBroken("Describe the goal, in the client's words.");
        String statement = FreeText.required(goal.statement(), "The goal, in the client's words", MAX_STATEMENT);
        if (goal.levels() == null) throw new RuleBroken("Describe each of the goal's five levels, from −2 to +2.");
        LevelDescriptions levels = goal.levels().checked();
        if (goal.baseline() == null) throw new RuleBroken("Choose the level the client is at now (the baseline).");
        checkWeight(goal.importance(), "importance");
        checkWeight(goal.difficulty(), "difficulty");
        LocalDate setOn = goal.setOn() == null ? today : goal.setOn();
        if (setOn.isAfter(today)) throw new RuleBroken("The day the goal was set cannot be in the future.");
        GoalStatus startAs = goal.startAs() == null ? GoalStatus.ACTIVE : goal.startAs();
        if (startAs != GoalStatus.ACTIVE && startAs != GoalStatus.PROPOSED) {
            throw new RuleBroken("A new goal starts as proposed or active.");
        }
        return new Goal(UUID.randomUUID(), organisationId, relationshipId, concernId, statement, setOn,
                by.accountId(), by.name(), at, startAs, levels.muchLess(), levels.less(), levels.expected(),
                levels.more(), levels.muchMore(), goal.baseline().value(), goal.importance(), goal.difficulty(), null,
                List.of(), List.of(), List.of());
    }

    private static void checkWeight(@Nullable Integer rating, String what) {
        if (rating != null && (rating < GoalAttainmentScaling.LOWEST_RATING || rating > GoalAttainmentScaling.HIGHEST_RATING)) {
            throw new RuleBroken("The goal's " + what + " is rated from 0 to 3, or left unrated.");
        }
    }

    /** Moves the status along a legal path. */
    void changeStatus(GoalStatus target, @Nullable String reason, Actor by, Instant at) {
        if (target == null) throw new RuleBroken("Choose the status to move the goal to.");
        String why = FreeText.optional(reason, "The reason", MAX_REASON);
        if (target == status) throw new RuleBroken("The goal is already " + status.label().toLowerCase() + ".");
        if (!status.mayMoveTo(target)) {
            String next = status.next().stream().map(s -> s.label().toLowerCase()).collect(Collectors.joining(", "));
            throw new RuleBroken("A goal that is " + status.label().toLowerCase() + " cannot become "
                    + target.label().toLowerCase() + "."
                    + (next.isEmpty() ? " Its status is final." : " From here it can become: " + next + "."));
        }
        statusChanges.add(new GoalStatusChange(status, target, why, by.accountId(), by.name(), at));
        status = target;
    }

    /** Rates the goal's attainment, on a day and perhaps in a session. */
    void rate(AttainmentLevel level, LocalDate on, @Nullable UUID sessionId, Actor by, Instant at, LocalDate today) {
        if (level == null) throw new RuleBroken("Choose the level the goal has reached, from −2 to +2.");
        if (on == null) throw new RuleBroken("Give the day of the rating.");
        if (status != GoalStatus.ACTIVE) {
            throw new RuleBroken("Only an active goal is rated; this one is " + status.label().toLowerCase() + ".");
        }
        if (on.isAfter(today)) throw new RuleBroken("A rating cannot be dated in the future.");
        if (on.isBefore(setOn)) throw new RuleBroken("A rating cannot be dated before the goal was set ("
                + Days.format(setOn) + ").");
        if (sessionId != null && ratings.stream().anyMatch(r -> sessionId.equals(r.sessionId()))) {
            throw new RuleBroken("This goal was already rated in that session. Each goal is rated once per session.");
        }
        ratings.add(new GoalRating(level.value(), on, sessionId, by.accountId(), by.name(), at));
    }

    /** Adds a step towards an open goal, and returns its id. */
    UUID addActionStep(NewActionStep step, Actor by, Instant at) {
        requireOpen("take new steps");
        if (step == null) throw new RuleBroken("Describe the step.");
        String description = FreeText.required(step.description(), "The step", MAX_STEP);
        if (step.who() == null) throw new RuleBroken("Say who takes the step: the client or the helper.");
        if (step.dueBy() == null) throw new RuleBroken("Give the day the step is due by.");
        if (step.dueBy().isBefore(setOn)) throw new RuleBroken("A step cannot be due before the goal was set.");
        UUID id = UUID.randomUUID();
        actionSteps.add(new ActionStep(id, description, step.who(), step.dueBy(), null, by.name(), at));
        return id;
    }

    void completeActionStep(UUID stepId, LocalDate doneOn, LocalDate today) {
        requireOpen("tick off steps");
        int index = -1;
        for (int i = 0; i < actionSteps.size(); i++) {
            if (actionSteps.get(i).stepId().equals(stepId)) index = i;
        }
        if (index < 0) throw new org.rapport.shared.RecordNotFound("action step");
        ActionStep step = actionSteps.get(index);
        if (step.isDone()) throw new RuleBroken("That step is already done.");
        if (doneOn == null) throw new RuleBroken("Give the day the step was done.");
        if (doneOn.isAfter(today)) throw new RuleBroken("The day a step was done cannot be in the future.");
        if (doneOn.isBefore(setOn)) throw new RuleBroken("A step cannot be done before the goal was set.");
        actionSteps.set(index, step.doneOn(doneOn));
    }

    private void requireOpen(String what) {
        if (status.isFinal()) {
            throw new RuleBroken("The goal is " + status.label().toLowerCase() + "; it can no longer " + what + ".");
        }
    }

    /** The latest rating: the latest day, and of one day the last recorded. */
    Optional<GoalRating> latestRating() {
        return ratings.stream().max(RATING_ORDER);
    }

    /** The latest rating made on or before a day. */
    Optional<GoalRating> latestRatingOn(LocalDate day) {
        return ratings.stream().filter(r -> !r.ratedOn().isAfter(day)).max(RATING_ORDER);
    }

    static final Comparator<GoalRating> RATING_ORDER = Comparator.comparing(GoalRating::ratedOn)
            .thenComparing(GoalRating::recordedAt);

    double weight() {
        return GoalAttainmentScaling.weight(importance, difficulty);
    }

    boolean isWeighted() {
        return importance != null && difficulty != null && importance > 0 && difficulty > 0;
    }

    LevelDescriptions levels() {
        return new LevelDescriptions(levelMinusTwo, levelMinusOne, levelZero, levelPlusOne, levelPlusTwo);
    }

    GoalId id() {
        return new GoalId(goalId);
    }

    UUID relationshipId() {
        return relationshipId;
    }

    @Nullable UUID concernId() {
        return concernId;
    }

    String statement() {
        return statement;
    }

    LocalDate setOn() {
        return setOn;
    }

    String setByName() {
        return setByName;
    }

    Instant setAt() {
        return setAt;
    }

    GoalStatus status() {
        return status;
    }

    AttainmentLevel baseline() {
        return new AttainmentLevel(baselineLevel);
    }

    @Nullable Integer importance() {
        return importance;
    }

    @Nullable Integer difficulty() {
        return difficulty;
    }

    int version() {
        return version == null ? 0 : version;
    }

    UUID organisationId() {
        return organisationId;
    }

    /**
     * Every text of the goal, keyed by the column that held it in the clear and, for steps and status
     * changes, by position: {@code statement}, {@code level_zero}, {@code action_step.1.description},
     * {@code goal_status_change.0.reason}. Sealed as one document on each save.
     */
    Map<String, @Nullable String> texts() {
        Map<String, @Nullable String> texts = new LinkedHashMap<>();
        texts.put("statement", statement);
        texts.put("level_minus_two", levelMinusTwo);
        texts.put("level_minus_one", levelMinusOne);
        texts.put("level_zero", levelZero);
        texts.put("level_plus_one", levelPlusOne);
        texts.put("level_plus_two", levelPlusTwo);
        for (int i = 0; i < actionSteps.size(); i++) texts.put("action_step." + i + ".description", actionSteps.get(i).description());
        for (int i = 0; i < statusChanges.size(); i++) texts.put("goal_status_change." + i + ".reason", statusChanges.get(i).reason());
        return texts;
    }

    byte @Nullable [] narrative() {
        return narrative;
    }

    void seal(byte[] sealed) {
        this.narrative = sealed;
    }

    /** Puts back the texts as sealed; a text the document lacks keeps what was loaded (a clear row of an earlier version). */
    void open(Map<String, String> texts) {
        statement = texts.getOrDefault("statement", statement);
        levelMinusTwo = texts.getOrDefault("level_minus_two", levelMinusTwo);
        levelMinusOne = texts.getOrDefault("level_minus_one", levelMinusOne);
        levelZero = texts.getOrDefault("level_zero", levelZero);
        levelPlusOne = texts.getOrDefault("level_plus_one", levelPlusOne);
        levelPlusTwo = texts.getOrDefault("level_plus_two", levelPlusTwo);
        for (int i = 0; i < actionSteps.size(); i++) {
            ActionStep step = actionSteps.get(i);
            actionSteps.set(i, step.withDescription(texts.getOrDefault("action_step." + i + ".description", step.description())));
        }
        for (int i = 0; i < statusChanges.size(); i++) {
            GoalStatusChange change = statusChanges.get(i);
            String key = "goal_status_change." + i + ".reason";
            statusChanges.set(i, change.withReason(texts.containsKey(key) ? texts.get(key) : change.reason()));
        }
    }

    List<GoalRating> ratings() {
        return List.copyOf(ratings);
    }

    List<ActionStep> actionSteps() {
        return List.copyOf(actionSteps);
    }

    List<GoalStatusChange> statusChanges() {
        return List.copyOf(statusChanges);
    }
}
