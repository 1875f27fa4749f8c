package org.rapport.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.goals.GoalFixtures.SLEEP_LEVELS;
import static org.rapport.goals.GoalFixtures.WALK_LEVELS;
import static org.rapport.goals.GoalFixtures.aGoal;
import static org.rapport.goals.GoalFixtures.aReferral;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.goals.scoring.AttainmentLevel;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The goals pages with good input and bad: the goal form, the goal page's rating, status and step
 * forms, the goals on the relationship page and the rating form on the session page. Every refusal
 * is a plain message, never an error page with a stack trace, and nothing is stored half.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GoalPagesTests {

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
                today().minusDays(30), 3, 2)));
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

    MvcResult send(MockHttpServletRequestBuilder request) throws Exception {
        return sendAs(ash, request);
    }

    /** Sends a request as someone; an exception escaping the page would be a 500, so it fails the test. */
    MvcResult sendAs(Staff who, MockHttpServletRequestBuilder request) throws Exception {
        return web.checkedPage(who, request);
    }

    Document shown(MvcResult result) throws Exception {
        return web.shown(ash, result);
    }

    static MockHttpServletRequestBuilder form(String path, Map<String, String> values) {
        MockHttpServletRequestBuilder request = post(path);
        values.forEach(request::param);
        return request;
    }

    Map<String, String> aGoalForm(String... changed) {
        Map<String, String> values = new LinkedHashMap<>(Map.of("statement", "I'd like to get out for walks again",
                "levelMinusTwo", "Not leaving the house", "levelMinusOne", "A walk once a week",
                "levelZero", "A walk three times a week", "levelPlusOne", "A walk most days",
                "levelPlusTwo", "A walk every day", "baseline", "-1", "setOn", today().toString(), "startAs", "ACTIVE"));
        for (int i = 0; i < changed.length; i += 2) values.put(changed[i], changed[i + 1]);
        return values;
    }

    String goalsPath() {
        return "/relationships/" + robin + "/goals";
    }

    String flashError(MvcResult result) {
        Object error = result.getFlashMap().get("flashError");
        return error == null ? "" : error.toString();
    }

    SessionId heldSession(LocalDate on) {
        return riverside.as(ash, () -> sessions.recordUnscheduled(robin,
                new NewSession(on, LocalTime.of(10, 0), 50, MeetingMode.IN_PERSON, null),
                new SessionRecord(SessionOutcome.ATTENDED, Map.of(), Set.of())));
    }

    @Test
    void setsAGoalFromTheFormAndShowsItsPage() throws Exception {
        MvcResult result = send(form(goalsPath(), aGoalForm("newConcern", "I feel stuck indoors", "importance", "2",
                "difficulty", "")));

        assertThat(result.getResponse().getRedirectedUrl()).startsWith("/goals/");
        Document page = shown(result);
        assertThat(page.select("h1").text()).isEqualTo("I'd like to get out for walks again");
        assertThat(page.select("#levels td").eachText()).contains("A walk three times a week", "+2 (Much more than expected)");
        assertThat(page.text()).contains("Concern: I feel stuck indoors", "Unweighted: weight 1");
        assertThat(stored("goal")).isEqualTo(2);
        assertThat(stored("concern")).isEqualTo(1);
    }

    @Test
    void namesEveryMissingLevelDescriptionAndStoresNothing() throws Exception {
        MvcResult result = send(form(goalsPath(), aGoalForm("levelMinusTwo", "", "levelZero", " ", "levelPlusTwo", "")));

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        Document page = shown(result);
        assertThat(page.select("[role=alert]").text()).contains("Describe level −2 (much less than expected).",
                "Describe level 0 (the expected outcome).", "Describe level +2 (much more than expected).");
        assertThat(page.select("#levelZero-error").text()).isEqualTo("Describe level 0 (the expected outcome).");
        assertThat(page.select("#statement").text()).isEqualTo("I'd like to get out for walks again");
        assertThat(stored("goal")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "-3", "x"})
    void refusesABaselineThatIsNotALevel(String baseline) throws Exception {
        MvcResult result = send(form(goalsPath(), aGoalForm("baseline", baseline)));

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(shown(result).select("#baseline-error").text()).contains("−2").contains("+2");
        assertThat(stored("goal")).isEqualTo(1);
    }

    @Test
    void refusesAGoalFormWithOverlongTextOrWrongKindsOfValue() throws Exception {
        assertThat(shown(send(form(goalsPath(), aGoalForm("statement", "x".repeat(1001))))).select("#statement-error").text())
                .isEqualTo("The goal can be at most 1000 characters.");
        assertThat(shown(send(form(goalsPath(), aGoalForm("importance", "7")))).select("#importance-error").text())
                .isEqualTo("Importance is rated from 0 to 3.");
        assertThat(shown(send(form(goalsPath(), aGoalForm("setOn", "soon")))).select("#setOn-error").text())
                .isEqualTo("Give the day the goal was set as a date.");
        assertThat(shown(send(form(goalsPath(), aGoalForm("concernId", UUID.randomUUID().toString())))).text())
                .contains("No concern with that id");
        assertThat(shown(send(form(goalsPath(), aGoalForm("setOn", today().plusDays(2).toString())))).text())
                .contains("cannot be in the future");
        assertThat(stored("goal")).isEqualTo(1);
    }

    @Test
    void showsTheGoalsAndTScoreOnTheRelationshipPage() throws Exception {
        riverside.run(ash, () -> goals.rate(sleep, new AttainmentLevel(1), today().minusDays(2), null));
        riverside.run(ash, () -> goals.rate(sleep, new AttainmentLevel(2), today(), null));

        Document page = shown(send(get("/relationships/" + robin)));
        Element panel = page.selectFirst("#goals");
        assertThat(panel).isNotNull();
        assertThat(panel.select("#t-score").text()).isEqualTo("70.0");
        assertThat(panel.select("#t-score-history td[data-label=T-score]").eachText()).containsExactly("60.0", "70.0");
        assertThat(panel.text()).contains("I want to sleep through the night", "Now at +2: Sleeping every night");
        assertThat(panel.select("a[href=/relationships/" + robin + "/goals/new]")).hasSize(1);
        assertThat(page.select("#timeline").text()).contains("Goal rated +2 (I want to sleep through the night)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "-3", "x", ""})
    void refusesARatingThatIsNotALevel(String level) throws Exception {
        MvcResult result = send(post("/goals/" + sleep + "/ratings").param("level", level)
                .param("ratedOn", today().toString()));

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/goals/" + sleep);
        assertThat(flashError(result)).contains("−2 to +2");
        assertThat(shown(result).select(".error[role=alert]").text()).contains("−2 to +2");
        assertThat(stored("goal_rating")).isZero();
    }

    @Test
    void refusesAFutureRatingDateOrARatingOfACancelledGoal() throws Exception {
        MvcResult future = send(post("/goals/" + sleep + "/ratings").param("level", "1")
                .param("ratedOn", today().plusDays(1).toString()));
        assertThat(flashError(future)).contains("future");

        send(post("/goals/" + sleep + "/status").param("to", "CANCELLED").param("version", "0"));
        MvcResult cancelled = send(post("/goals/" + sleep + "/ratings").param("level", "1"));
        assertThat(flashError(cancelled)).contains("Only an active goal is rated");
        assertThat(stored("goal_rating")).isZero();
        assertThat(shown(cancelled).select("#rate-form")).isEmpty();
    }

    @Test
    void ratesFromTheGoalPageAndShowsTheHistory() throws Exception {
        MvcResult result = send(post("/goals/" + sleep + "/ratings").param("level", "+1")
                .param("ratedOn", today().toString()));

        assertThat(result.getFlashMap().get("flash")).isEqualTo("Rating saved.");
        Document page = shown(result);
        assertThat(page.select("#current-level").text()).isEqualTo("Now at +1: Sleeping five nights a week");
        assertThat(page.select("#ratings td[data-label=Session]").text()).isEqualTo("Outside a session");
        assertThat(page.select("#rate-form legend").text()).isEqualTo("Rate progress now");
        assertThat(page.select("#rate-form label[for=level-2]").text()).isEqualTo("+2: Sleeping every night");
    }

    @Test
    void answersNotFoundForAForeignGoal() throws Exception {
        assertThat(send(get("/goals/" + UUID.randomUUID())).getResponse().getStatus()).isEqualTo(404);
        assertThat(send(get("/goals/not-a-uuid")).getResponse().getStatus()).isEqualTo(404);
        GoalFixtures elsewhere = new GoalFixtures(accounts, people, "Hillside Therapy");
        Staff kit = elsewhere.aHelper("Kit Adeyemi");
        assertThat(sendAs(kit, get("/goals/" + sleep)).getResponse().getStatus()).isEqualTo(404);
        assertThat(sendAs(kit, post("/goals/" + sleep + "/ratings").param("level", "1")).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(stored("goal_rating")).isZero();
    }

    @Test
    void refusesAStaleVersionOfTheStatusForm() throws Exception {
        riverside.run(ash, () -> goals.rate(sleep, new AttainmentLevel(0), today(), null));
        MvcResult result = send(post("/goals/" + sleep + "/status").param("to", "ACHIEVED").param("version", "0"));

        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        assertThat(Jsoup.parse(result.getResponse().getContentAsString()).text()).contains("Changed by someone else");
        assertThat(riverside.as(ash, () -> goals.history(sleep)).goal().status()).isEqualTo(GoalStatus.ACTIVE);
    }

    @Test
    void refusesAnIllegalStatusAndAnUnknownOne() throws Exception {
        send(post("/goals/" + sleep + "/status").param("to", "ACHIEVED").param("version", "0"));
        MvcResult illegal = send(post("/goals/" + sleep + "/status").param("to", "ACTIVE").param("version", "1"));
        assertThat(flashError(illegal)).contains("achieved cannot become active");
        MvcResult unknown = send(post("/goals/" + sleep + "/status").param("to", "FINISHED").param("version", "1"));
        assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void addsAndTicksOffActionStepsAndRefusesIncompleteOnes() throws Exception {
        MvcResult missing = send(post("/goals/" + sleep + "/action-steps").param("description", "Keep a sleep diary")
                .param("dueBy", today().plusDays(7).toString()));
        assertThat(flashError(missing)).contains("who takes the step");
        assertThat(send(post("/goals/" + sleep + "/action-steps").param("description", "Keep a sleep diary")
                .param("who", "SOMEONE")).getResponse().getStatus()).isEqualTo(400);

        send(post("/goals/" + sleep + "/action-steps").param("description", "Keep a sleep diary").param("who", "CLIENT")
                .param("dueBy", today().plusDays(7).toString()));
        UUID step = riverside.as(ash, () -> goals.history(sleep)).goal().actionSteps().get(0).id();
        MvcResult done = send(post("/goals/" + sleep + "/action-steps/" + step + "/done").param("doneOn", today().toString()));
        assertThat(shown(done).select("#steps").text()).contains("Keep a sleep diary", "The client", "Done");
        assertThat(stored("action_step")).isEqualTo(1);
    }

    @Test
    void showsTheActiveGoalsOnTheSessionPageAndRatesThemAllOrNone() throws Exception {
        GoalId walk = riverside.as(ash, () -> goals.setGoal(robin, aGoal("I'd like to get out for walks again",
                WALK_LEVELS, today().minusDays(30), null, null)));
        SessionId session = heldSession(today().minusDays(1));

        Document page = shown(send(get("/sessions/" + session)));
        Element panel = page.selectFirst("#goal-ratings");
        assertThat(panel).isNotNull();
        assertThat(panel.select("fieldset legend").eachText()).containsExactly("I want to sleep through the night",
                "I'd like to get out for walks again");
        assertThat(panel.select("label[for=level-" + sleep + "-0]").text()).isEqualTo("0: Sleeping four nights a week");
        assertThat(panel.select("input[type=radio][name=level-" + walk + "]")).hasSize(5);

        String path = "/sessions/" + session + "/goal-ratings";
        for (String bad : new String[] {"3", "-3", "x"}) {
            MvcResult refused = send(post(path).param("level-" + sleep, "1").param("level-" + walk, bad));
            assertThat(flashError(refused)).contains("Nothing was saved");
        }
        assertThat(flashError(send(post(path).param("level-" + UUID.randomUUID(), "1").param("level-" + sleep, "1"))))
                .isEmpty();
        assertThat(stored("goal_rating")).isZero();
        assertThat(flashError(send(post(path)))).contains("at least one goal");

        MvcResult rated = send(post(path).param("level-" + sleep, "1").param("level-" + walk, "-1"));
        assertThat(rated.getResponse().getRedirectedUrl()).isEqualTo("/sessions/" + session + "#goal-ratings");
        assertThat(rated.getFlashMap().get("flash")).isEqualTo("2 goals rated.");
        assertThat(stored("goal_rating")).isEqualTo(2);
        assertThat(shown(rated).select("#goal-ratings").text()).contains("rated +1 in this session");
        Document goalPage = shown(send(get("/goals/" + sleep)));
        assertThat(goalPage.select("#ratings td[data-label=Session] a").text())
                .isEqualTo("Session of " + Days.format(today().minusDays(1)));
    }

    @Test
    void letsASupervisorReadTheGoalPageButNotSetGoals() throws Exception {
        Staff morgan = riverside.staff("Morgan Price", Role.HELPER, Role.SUPERVISOR);
        riverside.supervises(morgan, ash);

        Document page = Jsoup.parse(sendAs(morgan, get("/goals/" + sleep)).getResponse().getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("I want to sleep through the night");
        assertThat(page.select("main form")).as("no form to change anything").isEmpty();
        assertThat(sendAs(morgan, get(goalsPath() + "/new")).getResponse().getStatus()).isEqualTo(403);
        assertThat(sendAs(morgan, form(goalsPath(), aGoalForm())).getResponse().getStatus()).isEqualTo(403);
        assertThat(stored("goal")).isEqualTo(1);
    }

    @Test
    void addsAConcernAndRefusesAnEmptyOne() throws Exception {
        MvcResult empty = send(post("/relationships/" + robin + "/concerns").param("description", " ")
                .param("identifiedOn", today().toString()));
        assertThat(shown(empty).select("#description-error").text()).isEqualTo("Describe the concern, in the client's words.");
        MvcResult added = send(post("/relationships/" + robin + "/concerns").param("description", "I can't sleep")
                .param("identifiedOn", today().toString()));
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/relationships/" + robin + "#goals");
        assertThat(stored("concern")).isEqualTo(1);
        Document form = shown(send(get(goalsPath() + "/new")));
        assertThat(form.select("#concernId option").eachText()).contains("I can't sleep");
    }
}
