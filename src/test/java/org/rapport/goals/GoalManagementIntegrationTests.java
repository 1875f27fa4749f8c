package org.rapport.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.rapport.goals.GoalFixtures.SLEEP_LEVELS;
import static org.rapport.goals.GoalFixtures.WALK_LEVELS;
import static org.rapport.goals.GoalFixtures.aGoal;
import static org.rapport.goals.GoalFixtures.aReferral;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.audit.AuditAction;
import org.rapport.audit.AuditEntry;
import org.rapport.audit.AuditTrail;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.relationships.TimelineEntry;
import org.rapport.relationships.Urgency;
import org.rapport.sessions.NewSession;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionOutcome;
import org.rapport.sessions.SessionRecord;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The goals module against PostgreSQL: two goals rated across sessions with the T-score history
 * worked by hand, all-or-nothing session ratings, foreign ids, who may change what, the audit
 * trail and the timeline. Each test opens its own organisation.
 */
@SpringBootTest
class GoalManagementIntegrationTests {

    static final String MODEL = "five-stage";

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired GoalManagement goals;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    GoalFixtures riverside;
    Staff ash;
    RelationshipId robin;

    @BeforeEach
    void openARelationshipWithRobin() {
        riverside = new GoalFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        robin = riverside.as(ash, () -> relationships.refer(aReferral("Robin Fairweather", ash, MODEL, Urgency.SOON,
                today().minusDays(60), null)));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    SessionId heldSession(Staff who, RelationshipId relationship, LocalDate on) {
        return riverside.as(who, () -> sessions.recordUnscheduled(relationship,
                new NewSession(on, LocalTime.of(10, 0), 50, MeetingMode.IN_PERSON, "Room 2"),
                new SessionRecord(SessionOutcome.ATTENDED, Map.of(), Set.of())));
    }

    GoalId setGoal(String statement, LevelDescriptions levels, Integer importance, Integer difficulty) {
        return riverside.as(ash, () -> goals.setGoal(robin, aGoal(statement, levels, today().minusDays(30), importance,
                difficulty)));
    }

    long ratingsStored() {
        return riverside.inScope(() -> jdbc.sql("select count(*) from goal_rating").query(Long.class).single());
    }

    static Map<GoalId, Integer> levels(Object... pairs) {
        Map<GoalId, Integer> levels = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) levels.put((GoalId) pairs[i], (Integer) pairs[i + 1]);
        return levels;
    }

    @Test
    void ratesTwoGoalsAcrossSessionsAndKeepsTheTScoreHistory() {
        GoalId sleep = setGoal("I want to sleep through the night", SLEEP_LEVELS, 3, 1);
        GoalId walk = setGoal("I'd like to get out for walks again", WALK_LEVELS, null, null);
        SessionId first = heldSession(ash, robin, today().minusDays(14));
        SessionId second = heldSession(ash, robin, today().minusDays(7));

        riverside.run(ash, () -> goals.rateInSession(first, levels(sleep, -1, walk, 0)));
        riverside.run(ash, () -> goals.rateInSession(second, levels(sleep, 2)));
        riverside.run(ash, () -> goals.rate(walk, new AttainmentLevel(1), today().minusDays(3), null));

        GoalsOverview overview = riverside.as(ash, () -> goals.goalsOf(robin));
        // Weights 3 (importance 3 × difficulty 1) and 1: √(0.7·10 + 0.3·16) = √11.8.
        assertThat(overview.tScoreHistory()).extracting(TScorePoint::on)
                .containsExactly(today().minusDays(14), today().minusDays(7), today().minusDays(3));
        assertThat(overview.tScoreHistory()).extracting(TScorePoint::tScore).satisfiesExactly(
                t -> assertThat(t).isCloseTo(50 - 30 / Math.sqrt(11.8), within(1e-9)).isCloseTo(41.27, within(0.005)),
                t -> assertThat(t).isCloseTo(67.47, within(0.005)),
                t -> assertThat(t).isCloseTo(70.38, within(0.005)));
        assertThat(overview.tScore()).isNotNull();
        assertThat(overview.tScore().tScore()).isCloseTo(70.38, within(0.005));
        assertThat(overview.tScore().goals()).isEqualTo(2);
        assertThat(overview.goals()).extracting(GoalView::currentLevel).containsExactly(2, 1);

        GoalHistory history = riverside.as(ash, () -> goals.history(sleep));
        assertThat(history.ratings()).extracting(RatingView::level).containsExactly(-1, 2);
        assertThat(history.sessionsWorkedOn()).extracting(RatingView::sessionId)
                .containsExactly(first.value(), second.value());
        assertThat(history.sessionsWorkedOn()).extracting(RatingView::sessionOn)
                .containsExactly(today().minusDays(14), today().minusDays(7));
        assertThat(riverside.as(ash, () -> goals.history(walk)).sessionsWorkedOn()).hasSize(1);
    }

    @Test
    void leavesGoalsOnHoldProposedOrCancelledOutOfTheTScore() {
        GoalId sleep = setGoal("I want to sleep through the night", SLEEP_LEVELS, null, null);
        GoalId walk = setGoal("I'd like to get out for walks again", WALK_LEVELS, null, null);
        riverside.run(ash, () -> goals.rate(sleep, new AttainmentLevel(1), today(), null));
        riverside.run(ash, () -> goals.rate(walk, new AttainmentLevel(-2), today(), null));
        int version = riverside.as(ash, () -> goals.history(walk)).goal().version();
        riverside.run(ash, () -> goals.changeStatus(walk, version, GoalStatus.ON_HOLD, "Knee injury"));

        GoalsOverview overview = riverside.as(ash, () -> goals.goalsOf(robin));
        assertThat(overview.tScore().tScore()).isCloseTo(60, within(1e-9));
        assertThat(overview.tScore().goals()).isEqualTo(1);
        assertThat(riverside.as(ash, () -> goals.activeGoals(robin))).extracting(GoalView::id).containsExactly(sleep);
    }

    @Test
    void storesNothingWhenOneOfASessionsRatingsIsRefused() {
        GoalId sleep = setGoal("I want to sleep through the night", SLEEP_LEVELS, null, null);
        GoalId walk = setGoal("I'd like to get out for walks again", WALK_LEVELS, null, null);
        SessionId session = heldSession(ash, robin, today().minusDays(1));

        assertThatThrownBy(() -> riverside.run(ash, () -> goals.rateInSession(session, levels(sleep, 1, walk, 3))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("−2 to +2");
        assertThatThrownBy(() -> riverside.run(ash, () -> goals.rateInSession(session,
                levels(sleep, 1, new GoalId(UUID.randomUUID()), 0)))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> riverside.run(ash, () -> goals.rateInSession(session, levels())))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("at least one goal");
        assertThat(ratingsStored()).isZero();

        riverside.run(ash, () -> goals.rateInSession(session, levels(sleep, 1, walk, 0)));
        assertThat(ratingsStored()).isEqualTo(2);
        assertThatThrownBy(() -> riverside.run(ash, () -> goals.rateInSession(session, levels(sleep, 2))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("already rated in that session");
        assertThatThrownBy(() -> riverside.run(ash, () -> goals.rate(walk, new AttainmentLevel(2), null, session)))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("already rated in that session");
        assertThat(ratingsStored()).isEqualTo(2);
    }

    @Test
    void ratesInASessionOnlyOfTheGoalsOwnRelationshipAndOnTheSessionsDay() {
        GoalId sleep = setGoal("I want to sleep through the night", SLEEP_LEVELS, null, null);
        RelationshipId sam = riverside.as(ash, () -> relationships.refer(aReferral("Sam Okafor", ash, MODEL,
                Urgency.ROUTINE, today().minusDays(60), null)));
        SessionId samsSession = heldSession(ash, sam, today().minusDays(2));
        SessionId robinsSession = heldSession(ash, robin, today().minusDays(2));

        assertThatThrownBy(() -> riverside.run(ash, () -> goals.rate(sleep, new AttainmentLevel(0), null, samsSession)))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("another relationship");
        assertThatThrownBy(() -> riverside.run(ash, () -> goals.rateInSession(samsSession, levels(sleep, 0))))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> riverside.run(ash, () -> goals.rate(sleep, new AttainmentLevel(0), today(), robinsSession)))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("day of the session");
        assertThatThrownBy(() -> riverside.run(ash, () -> goals.rate(sleep, new AttainmentLevel(0), null,
                new SessionId(UUID.randomUUID())))).isInstanceOf(RecordNotFound.class);
        assertThat(ratingsStored()).isZero();

        riverside.run(ash, () -> goals.rate(sleep, new AttainmentLevel(0), null, robinsSession));
        assertThat(riverside.as(ash, () -> goals.history(sleep)).ratings()).singleElement()
                .satisfies(r -> assertThat(r.ratedOn()).isEqualTo(today().minusDays(2)));
    }

    @Test
    void refusesRatingsOfGoalsThatAreNotActiveOrDatedInTheFuture() {
        GoalId sleep = setGoal("I want to sleep through the night", SLEEP_LEVELS, null, null);
        assertThatThrownBy(() -> riverside.run(ash, () -> goals.rate(sleep, new AttainmentLevel(0), today().plusDays(1), null)))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("future");
        riverside.run(ash, () -> goals.changeStatus(sleep, 0, GoalStatus.CANCELLED, "Robin chose another goal"));
        assertThatThrownBy(() -> riverside.run(ash, () -> goals.rate(sleep, new AttainmentLevel(0), today(), null)))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("cancelled");
        assertThat(ratingsStored()).isZero();
    }

    @Test
    void refusesAStaleVersion() {
        GoalId sleep = setGoal("I want to sleep through the night", SLEEP_LEVELS, null, null);
        int loaded = riverside.as(ash, () -> goals.history(sleep)).goal().version();
        riverside.run(ash, () -> goals.rate(sleep, new AttainmentLevel(0), today(), null));
        assertThatThrownBy(() -> riverside.run(ash, () -> goals.changeStatus(sleep, loaded, GoalStatus.ACHIEVED, null)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(riverside.as(ash, () -> goals.history(sleep)).goal().status()).isEqualTo(GoalStatus.ACTIVE);
    }

    @Test
    void answersNotFoundForIdsOfOtherOrganisationsAndRelationships() {
        GoalId sleep = setGoal("I want to sleep through the night", SLEEP_LEVELS, null, null);
        ConcernId concern = riverside.as(ash, () -> goals.addConcern(robin, new NewConcern("I can't sleep", null)));

        GoalFixtures elsewhere = new GoalFixtures(accounts, people, "Hillside Therapy");
        Staff kit = elsewhere.aHelper("Kit Adeyemi");
        RelationshipId jo = elsewhere.as(kit, () -> relationships.refer(aReferral("Jo Brennan", kit, MODEL, Urgency.SOON,
                today().minusDays(5), null)));
        assertThatThrownBy(() -> elsewhere.as(kit, () -> goals.history(sleep))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> elsewhere.as(kit, () -> goals.rate(sleep, new AttainmentLevel(0), today(), null)))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> elsewhere.as(kit, () -> goals.goalsOf(robin))).isInstanceOf(RecordNotFound.class);
        NewGoal underAForeignConcern = new NewGoal(concern, null, "To rest", SLEEP_LEVELS, new AttainmentLevel(-1),
                null, null, null, null);
        assertThatThrownBy(() -> elsewhere.as(kit, () -> goals.setGoal(jo, underAForeignConcern)))
                .isInstanceOf(RecordNotFound.class).hasMessageContaining("concern");

        // A helper of the same organisation who is not on Robin's relationship sees nothing of it either.
        Staff lee = riverside.aHelper("Lee Carter");
        assertThatThrownBy(() -> riverside.as(lee, () -> goals.history(sleep))).isInstanceOf(RecordNotFound.class)
                .hasMessageContaining("goal");
        assertThatThrownBy(() -> riverside.as(ash, () -> goals.history(new GoalId(UUID.randomUUID()))))
                .isInstanceOf(RecordNotFound.class);
        riverside.run(ash, () -> goals.addActionStep(sleep, new NewActionStep("Walk", StepOwner.CLIENT, today())));
        assertThatThrownBy(() -> riverside.as(ash, () -> goals.completeActionStep(sleep, UUID.randomUUID(), today())))
                .isInstanceOf(RecordNotFound.class);
    }

    @Test
    void letsASupervisorReadButNotChange() {
        GoalId sleep = setGoal("I want to sleep through the night", SLEEP_LEVELS, null, null);
        Staff morgan = riverside.staff("Morgan Price", Role.HELPER, Role.SUPERVISOR);
        riverside.supervises(morgan, ash);

        GoalsOverview seen = riverside.as(morgan, () -> goals.goalsOf(robin));
        assertThat(seen.mayChange()).isFalse();
        assertThat(seen.goals()).hasSize(1);
        assertThat(riverside.as(morgan, () -> goals.history(sleep)).mayChange()).isFalse();
        assertThatThrownBy(() -> riverside.as(morgan, () -> goals.setGoal(robin, aGoal("To rest", SLEEP_LEVELS, today(),
                null, null)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> riverside.as(morgan, () -> goals.rate(sleep, new AttainmentLevel(0), today(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> riverside.as(morgan, () -> goals.changeStatus(sleep, 0, GoalStatus.ACHIEVED, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> riverside.as(morgan, () -> goals.addConcern(robin, new NewConcern("Worry", null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(ratingsStored()).isZero();
    }

    @Test
    void setsAGoalUnderANewConcernOrAKnownOneButNotBoth() {
        ConcernId known = riverside.as(ash, () -> goals.addConcern(robin, new NewConcern("I can't sleep since the move",
                today().minusDays(2))));
        GoalId underKnown = riverside.as(ash, () -> goals.setGoal(robin, new NewGoal(known, null, "To sleep",
                SLEEP_LEVELS, new AttainmentLevel(-2), 2, 2, null, GoalStatus.PROPOSED)));
        GoalId underNew = riverside.as(ash, () -> goals.setGoal(robin, new NewGoal(null, "I feel stuck indoors",
                "To get out more", WALK_LEVELS, new AttainmentLevel(-1), null, null, null, null)));
        assertThatThrownBy(() -> riverside.as(ash, () -> goals.setGoal(robin, new NewGoal(known, "Something else",
                "To rest", SLEEP_LEVELS, new AttainmentLevel(-1), null, null, null, null))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("not both");

        GoalsOverview overview = riverside.as(ash, () -> goals.goalsOf(robin));
        assertThat(overview.concerns()).extracting(ConcernView::description)
                .containsExactly("I can't sleep since the move", "I feel stuck indoors");
        assertThat(overview.concerns().get(0).goals()).extracting(GoalView::id).containsExactly(underKnown);
        assertThat(overview.concerns().get(1).goals()).extracting(GoalView::id).containsExactly(underNew);
        GoalView proposed = overview.concerns().get(0).goals().get(0);
        assertThat(proposed.status()).isEqualTo(GoalStatus.PROPOSED);
        assertThat(proposed.weight()).isEqualTo(4);
        assertThat(proposed.setByName()).isEqualTo("Ash Marlow");
        assertThat(proposed.levels()).extracting(LevelView::description).containsExactly("Not sleeping at all",
                "Sleeping two nights a week", "Sleeping four nights a week", "Sleeping five nights a week",
                "Sleeping every night");
        assertThat(overview.tScore()).isNull();
    }

    @Test
    void refusesGoalsOnAnEndedRelationship() {
        riverside.run(ash, () -> relationships.changeStatus(robin, 0, RelationshipStatus.ENDED, "Moved away"));
        assertThatThrownBy(() -> riverside.as(ash, () -> goals.setGoal(robin, aGoal("To sleep", SLEEP_LEVELS, today(),
                null, null)))).isInstanceOf(RuleBroken.class).hasMessageContaining("ended");
    }

    @Test
    void auditsEveryReadAndChangeWithoutTheClientsWords() {
        GoalId sleep = setGoal("I want to sleep through the night", SLEEP_LEVELS, null, null);
        riverside.run(ash, () -> goals.rate(sleep, new AttainmentLevel(1), today(), null));
        riverside.run(ash, () -> goals.history(sleep));
        riverside.run(ash, () -> goals.goalsOf(robin));
        UUID client = riverside.as(ash, () -> relationships.describe(robin)).clientPartyId();

        List<AuditEntry> entries = riverside.as(ash, () -> audit.forClient(client, 0)).entries().stream()
                .filter(e -> e.recordType().equals("goal")).toList();
        assertThat(entries).extracting(AuditEntry::action, AuditEntry::detail).contains(
                org.assertj.core.groups.Tuple.tuple(AuditAction.CHANGE, "set a goal"),
                org.assertj.core.groups.Tuple.tuple(AuditAction.CHANGE, "rated a goal +1"),
                org.assertj.core.groups.Tuple.tuple(AuditAction.READ, "opened a goal"),
                org.assertj.core.groups.Tuple.tuple(AuditAction.READ, "opened the relationship's goals"));
        assertThat(entries).extracting(AuditEntry::detail).noneMatch(d -> d.contains("sleep"));
    }

    @Test
    void putsGoalsOnTheRelationshipsTimeline() {
        GoalId sleep = setGoal("I want to sleep through the night", SLEEP_LEVELS, null, null);
        riverside.run(ash, () -> goals.rate(sleep, new AttainmentLevel(1), today(), null));
        riverside.run(ash, () -> goals.changeStatus(sleep, riverside.as(ash, () -> goals.history(sleep)).goal().version(),
                GoalStatus.ACHIEVED, null));

        List<TimelineEntry> timeline = riverside.as(ash, () -> relationships.overview(robin)).timeline();
        assertThat(timeline).extracting(TimelineEntry::title).contains(
                "Goal set: I want to sleep through the night",
                "Goal rated +1 (I want to sleep through the night)",
                "Goal achieved");
    }
}
