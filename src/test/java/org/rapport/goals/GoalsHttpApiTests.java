package org.rapport.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.rapport.goals.GoalFixtures.SLEEP_LEVELS;
import static org.rapport.goals.GoalFixtures.aGoal;
import static org.rapport.goals.GoalFixtures.aReferral;
import static org.rapport.testing.WebClient.isProblem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.Urgency;
import org.rapport.sessions.NewSession;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionOutcome;
import org.rapport.sessions.SessionRecord;
import org.rapport.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The goals API with bad input and good: invalid fields a 400 problem naming them, unreadable JSON
 * a plain 400, foreign ids a 404, refused changes a 409 with the reason; and a goal's life from
 * setting to achievement with the T-score as the API reports it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GoalsHttpApiTests {

    static final String MODEL = "five-stage";

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired GoalManagement goals;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    WebClient web;

    GoalFixtures riverside;
    Staff ash;
    RelationshipId robin;
    GoalId sleep;

    @BeforeEach
    void setAGoalWithRobin() {
        web = new WebClient(mvc, accounts);
        riverside = new GoalFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        robin = riverside.as(ash, () -> relationships.refer(aReferral("Robin Fairweather", ash, MODEL, Urgency.SOON,
                today().minusDays(60), null)));
        sleep = riverside.as(ash, () -> goals.setGoal(robin, aGoal("I want to sleep through the night", SLEEP_LEVELS,
                today().minusDays(30), null, null)));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    long stored(String table) {
        return riverside.inScope(() -> jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }

    ResultActions send(String path, String json) throws Exception {
        return as(ash, post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions as(Staff who, MockHttpServletRequestBuilder request) throws Exception {
        return web.checkedApi(who, request);
    }

    String goalJson(String overrides) {
        return """
                {"statement": "I'd like to get out for walks again",
                 "levels": {"minusTwo": "Not leaving the house", "minusOne": "A walk once a week",
                            "zero": "A walk three times a week", "plusOne": "A walk most days", "plusTwo": "A walk every day"},
                 "baseline": -1, "importance": 2, "difficulty": 3, "setOn": "%s" %s}""".formatted(today().minusDays(30),
                overrides);
    }

    SessionId heldSession(LocalDate on) {
        return riverside.as(ash, () -> sessions.recordUnscheduled(robin,
                new NewSession(on, LocalTime.of(10, 0), 50, MeetingMode.IN_PERSON, null),
                new SessionRecord(SessionOutcome.ATTENDED, Map.of(), Set.of())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "-3"})
    void refusesARatingOutsideMinusTwoToPlusTwo(String level) throws Exception {
        ResultActions result = send("/api/goals/" + sleep + "/ratings", "{\"level\": " + level + "}");

        isProblem(result, 400);
        result.andExpect(jsonPath("$.errors[*].field", hasItem("level")));
        assertThat(stored("goal_rating")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"level\": \"x\"}", "{\"level\": 1, \"ratedOn\": \"soon\"}", "{\"level\": ", ""})
    void refusesJsonThatCannotBeRead(String json) throws Exception {
        ResultActions result = send("/api/goals/" + sleep + "/ratings", json);

        isProblem(result, 400);
        assertThat(result.andReturn().getResponse().getContentAsString()).doesNotContain("tools.jackson", "com.fasterxml",
                "org.rapport");
        assertThat(stored("goal_rating")).isZero();
    }

    @Test
    void refusesAFutureRatingDateOrARatingOfACancelledGoal() throws Exception {
        ResultActions future = send("/api/goals/" + sleep + "/ratings",
                "{\"level\": 1, \"ratedOn\": \"%s\"}".formatted(today().plusDays(1)));
        isProblem(future, 409);
        future.andExpect(jsonPath("$.detail").value("A rating cannot be dated in the future."));

        send("/api/goals/" + sleep + "/status", "{\"to\": \"CANCELLED\", \"version\": 0}").andExpect(status().isOk());
        ResultActions cancelled = send("/api/goals/" + sleep + "/ratings", "{\"level\": 1}");
        isProblem(cancelled, 409);
        cancelled.andExpect(jsonPath("$.detail").value(startsWith("Only an active goal is rated")));
        assertThat(stored("goal_rating")).isZero();
    }

    @Test
    void namesEveryMissingLevelDescription() throws Exception {
        ResultActions result = send("/api/relationships/" + robin + "/goals", """
                {"statement": "To rest", "levels": {"minusTwo": "a", "zero": " ", "plusOne": "c"}, "baseline": 0}""");

        isProblem(result, 400);
        result.andExpect(jsonPath("$.errors[*].field", hasItem("levels.minusOne")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("levels.zero")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("levels.plusTwo")));
        isProblem(send("/api/relationships/" + robin + "/goals", "{\"statement\": \"To rest\", \"baseline\": 0}"), 400);
        isProblem(send("/api/relationships/" + robin + "/goals", goalJson(", \"baseline\": 5")), 400);
        isProblem(send("/api/relationships/" + robin + "/goals", goalJson(", \"importance\": 4")), 400);
        assertThat(stored("goal")).isEqualTo(1);
    }

    @Test
    void answersNotFoundForForeignIds() throws Exception {
        isProblem(send("/api/goals/" + UUID.randomUUID() + "/ratings", "{\"level\": 1}"), 404);
        isProblem(as(ash, get("/api/goals/" + UUID.randomUUID())), 404);
        isProblem(send("/api/relationships/" + UUID.randomUUID() + "/goals", goalJson("")), 404);
        isProblem(send("/api/relationships/" + robin + "/goals", goalJson(", \"concernId\": \"" + UUID.randomUUID() + "\"")), 404);
        isProblem(send("/api/sessions/" + UUID.randomUUID() + "/goal-ratings", "{\"levels\": {\"" + sleep + "\": 1}}"), 404);
        isProblem(send("/api/goals/" + sleep + "/ratings", "{\"level\": 1, \"sessionId\": \"" + UUID.randomUUID() + "\"}"), 404);

        GoalFixtures elsewhere = new GoalFixtures(accounts, people, "Hillside Therapy");
        Staff kit = elsewhere.aHelper("Kit Adeyemi");
        isProblem(as(kit, get("/api/goals/" + sleep)), 404);
        isProblem(as(kit, get("/api/relationships/" + robin + "/goals")), 404);
        isProblem(as(kit, post("/api/goals/" + sleep + "/ratings").contentType(MediaType.APPLICATION_JSON)
                .content("{\"level\": 1}")), 404);
        assertThat(stored("goal_rating")).isZero();
        assertThat(stored("goal")).isEqualTo(1);
    }

    @Test
    void refusesAStaleVersionAndAnIllegalStatus() throws Exception {
        send("/api/goals/" + sleep + "/ratings", "{\"level\": 0}").andExpect(status().isCreated());
        ResultActions stale = send("/api/goals/" + sleep + "/status", "{\"to\": \"ACHIEVED\", \"version\": 0}");
        isProblem(stale, 409);
        stale.andExpect(jsonPath("$.title").value("Changed by someone else"));
        isProblem(send("/api/goals/" + sleep + "/status", "{\"to\": \"PROPOSED\", \"version\": 1}"), 409);
        isProblem(send("/api/goals/" + sleep + "/status", "{\"to\": \"DONE\", \"version\": 1}"), 400);
        isProblem(send("/api/goals/" + sleep + "/status", "{\"to\": \"ACHIEVED\"}"), 400);
        as(ash, get("/api/goals/" + sleep)).andExpect(jsonPath("$.goal.status").value("ACTIVE"));
    }

    @Test
    void ratesInASessionAllOrNone() throws Exception {
        String walk = JsonPath.read(send("/api/relationships/" + robin + "/goals", goalJson("")).andReturn().getResponse()
                .getContentAsString(), "$.id");
        SessionId session = heldSession(today().minusDays(1));
        String path = "/api/sessions/" + session + "/goal-ratings";

        ResultActions outOfRange = send(path, "{\"levels\": {\"%s\": 1, \"%s\": 3}}".formatted(sleep, walk));
        isProblem(outOfRange, 400);
        isProblem(send(path, "{\"levels\": {\"%s\": 1, \"%s\": \"x\"}}".formatted(sleep, walk)), 400);
        isProblem(send(path, "{\"levels\": {}}"), 400);
        isProblem(send(path, "{\"levels\": {\"%s\": 1, \"%s\": 0}}".formatted(sleep, UUID.randomUUID())), 404);
        assertThat(stored("goal_rating")).isZero();

        send(path, "{\"levels\": {\"%s\": 1, \"%s\": -1}}".formatted(sleep, walk)).andExpect(status().isOk())
                .andExpect(jsonPath("$.rated").value(2));
        isProblem(send(path, "{\"levels\": {\"%s\": 2}}".formatted(sleep)), 409);
        assertThat(stored("goal_rating")).isEqualTo(2);

        as(ash, get("/api/goals/" + sleep)).andExpect(jsonPath("$.sessionsWorkedOn", hasSize(1)))
                .andExpect(jsonPath("$.sessionsWorkedOn[0].sessionId").value(session.value().toString()))
                .andExpect(jsonPath("$.sessionsWorkedOn[0].sessionOn").value(today().minusDays(1).toString()));
    }

    @Test
    void followsAGoalFromConcernToAchievementWithItsTScore() throws Exception {
        ResultActions concern = send("/api/relationships/" + robin + "/concerns", "{\"description\": \"I feel stuck indoors\"}");
        concern.andExpect(status().isCreated());
        String concernId = JsonPath.read(concern.andReturn().getResponse().getContentAsString(), "$.id");
        isProblem(send("/api/relationships/" + robin + "/concerns", "{\"description\": \"\"}"), 400);

        ResultActions set = send("/api/relationships/" + robin + "/goals", goalJson(", \"concernId\": \"" + concernId + "\""));
        set.andExpect(status().isCreated()).andExpect(header().string("Location", startsWith("/api/goals/")));
        String walk = JsonPath.read(set.andReturn().getResponse().getContentAsString(), "$.id");

        send("/api/goals/" + walk + "/ratings", "{\"level\": 2, \"ratedOn\": \"%s\"}".formatted(today())).andExpect(status().isCreated());
        send("/api/goals/" + sleep + "/ratings", "{\"level\": 0, \"ratedOn\": \"%s\"}".formatted(today())).andExpect(status().isCreated());
        ResultActions step = send("/api/goals/" + walk + "/action-steps",
                "{\"description\": \"Walk to the shop\", \"who\": \"CLIENT\", \"dueBy\": \"%s\"}".formatted(today().plusDays(7)));
        step.andExpect(status().isCreated());
        String stepId = JsonPath.read(step.andReturn().getResponse().getContentAsString(), "$.id");
        isProblem(send("/api/goals/" + walk + "/action-steps", "{\"description\": \"Walk\", \"who\": \"NOBODY\", \"dueBy\": \"%s\"}"
                .formatted(today())), 400);
        send("/api/goals/" + walk + "/action-steps/" + stepId + "/completion", "{\"doneOn\": \"%s\"}".formatted(today()))
                .andExpect(status().isOk());
        send("/api/goals/" + walk + "/status", "{\"to\": \"ACHIEVED\", \"reason\": \"Walking daily\", \"version\": 3}")
                .andExpect(status().isOk());

        // Walk +2 with weight 2 × 3 = 6; sleep 0 with weight 1: 50 + 10·12 / √(0.7·37 + 0.3·49) = 50 + 120/√40.6
        as(ash, get("/api/relationships/" + robin + "/goals")).andExpect(status().isOk())
                .andExpect(jsonPath("$.tScore.tScore", closeTo(50 + 120 / Math.sqrt(40.6), 1e-9)))
                .andExpect(jsonPath("$.tScore.goals").value(2))
                .andExpect(jsonPath("$.concerns[0].description").value("I feel stuck indoors"))
                .andExpect(jsonPath("$.concerns[0].goals[0].status").value("ACHIEVED"))
                .andExpect(jsonPath("$.concerns[0].goals[0].actionSteps[0].doneOn").value(today().toString()))
                .andExpect(jsonPath("$.goalsWithoutConcern[0].id").value(sleep.value().toString()));
    }

    @Test
    void letsASupervisorReadButNotRate() throws Exception {
        Staff morgan = riverside.staff("Morgan Price", Role.HELPER, Role.SUPERVISOR);
        riverside.supervises(morgan, ash);
        as(morgan, get("/api/goals/" + sleep)).andExpect(status().isOk()).andExpect(jsonPath("$.mayChange").value(false));
        isProblem(as(morgan, post("/api/goals/" + sleep + "/ratings").contentType(MediaType.APPLICATION_JSON)
                .content("{\"level\": 1}")), 403);
        assertThat(stored("goal_rating")).isZero();
    }
}
