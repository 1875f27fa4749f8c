package org.rapport.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.measures.MeasureFixtures.aReferral;
import static org.rapport.measures.MeasureFixtures.gad7;
import static org.rapport.measures.MeasureFixtures.phq9;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.audit.AuditEntry;
import org.rapport.audit.AuditTrail;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.sessions.NewSession;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionOutcome;
import org.rapport.sessions.SessionRecord;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the measurement plan calls for, at a session, at the ending and at follow-ups, through the
 * API other modules call, on the quick record form and the session page, and in the HTTP API; and
 * recovery of a paired PHQ-9 and GAD-7 on the measures panel, the health panel and in the API.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MeasuresDueAndRecoveryTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired MeasureManagement measures;
    @Autowired AuditTrail audit;
    @Autowired Clock clock;
    WebClient web;

    MeasureFixtures riverside;
    Staff ash;
    Staff bea;
    RelationshipId robin;

    @BeforeEach
    void takeOnRobin() {
        web = new WebClient(mvc, accounts);
        riverside = new MeasureFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        bea = riverside.aHelper("Bea Lowen");
        robin = riverside.as(ash, () -> {
            RelationshipId id = relationships.refer(aReferral("Robin Fairweather", ash, today().minusWeeks(8)));
            relationships.changeStatus(id, relationships.overview(id).version(), RelationshipStatus.ACTIVE, "Taken on");
            return id;
        });
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    void plan(PlanEntry... entries) {
        riverside.run(ash, () -> measures.setPlan(robin, List.of(entries)));
    }

    SessionId session(int daysAgo, SessionOutcome outcome) {
        return riverside.as(ash, () -> sessions.recordUnscheduled(robin, new NewSession(today().minusDays(daysAgo),
                LocalTime.of(10, 0), 50, MeetingMode.IN_PERSON, "Room 2"), new SessionRecord(outcome, Map.of(), Set.of())));
    }

    List<String> dueAt(int sessionNumber) {
        return riverside.as(ash, () -> measures.dueAtSession(robin, sessionNumber)).stream().map(DueMeasure::instrumentKey).toList();
    }

    void enter(String key, Map<String, Integer> answers) {
        riverside.run(ash, () -> measures.enterInSession(robin, key, answers, null));
    }

    ResultActions page(Staff who, MockHttpServletRequestBuilder request) throws Exception {
        return web.page(who, request);
    }

    ResultActions api(Staff who, MockHttpServletRequestBuilder request) throws Exception {
        return web.api(who, request);
    }

    // --- due measures --------------------------------------------------------------------------

    @Test
    void callsForEachInstrumentAtTheSessionsItsTimingNames() {
        plan(new PlanEntry("phq-9", PlanTiming.EVERY_N_SESSIONS, 3), new PlanEntry("gad-7", PlanTiming.FIRST_SESSION, null),
                new PlanEntry("rapport-check-in", PlanTiming.EVERY_SESSION, null));

        assertThat(dueAt(1)).containsExactlyInAnyOrder("phq-9", "gad-7", "rapport-check-in");
        assertThat(dueAt(2)).containsExactly("rapport-check-in");
        assertThat(dueAt(3)).containsExactly("rapport-check-in");
        assertThat(dueAt(4)).containsExactlyInAnyOrder("phq-9", "rapport-check-in");
        assertThat(dueAt(7)).containsExactlyInAnyOrder("phq-9", "rapport-check-in");
        assertThat(riverside.as(ash, () -> measures.dueAtSession(robin, 4))).filteredOn(d -> d.instrumentKey().equals("phq-9")).singleElement().satisfies(due -> {
            assertThat(due.name()).isEqualTo("PHQ-9");
            assertThat(due.label()).isEqualTo("Patient Health Questionnaire (PHQ-9)");
            assertThat(due.why()).isEqualTo("PHQ-9 every 3 sessions");
        });
        assertThat(riverside.as(ash, () -> measures.dueAtEnding(robin))).isEmpty();
        assertThat(riverside.as(ash, () -> measures.followUpInstrument(robin))).isEmpty();
    }

    @Test
    void namesTheMeasuresForTheEndingAndTheFollowUps() {
        plan(new PlanEntry("phq-9", PlanTiming.AT_ENDING, null), new PlanEntry("gad-7", PlanTiming.AT_FOLLOW_UP, null),
                new PlanEntry("rapport-check-in", PlanTiming.AT_FOLLOW_UP, null));

        assertThat(riverside.as(ash, () -> measures.dueAtEnding(robin))).extracting(DueMeasure::instrumentKey).containsExactly("phq-9");
        assertThat(riverside.as(ash, () -> measures.followUpInstrument(robin))).contains("gad-7");
        assertThat(dueAt(1)).isEmpty();
    }

    @Test
    void numbersTheNextSessionByTheSessionsHeld() {
        plan(new PlanEntry("phq-9", PlanTiming.EVERY_N_SESSIONS, 3));
        session(20, SessionOutcome.ATTENDED);
        session(13, SessionOutcome.DID_NOT_ATTEND);
        session(6, SessionOutcome.ATTENDED);

        SessionMeasures next = riverside.as(ash, () -> measures.dueAtNextSession(robin));
        assertThat(next.sessionNumber()).isEqualTo(3);
        assertThat(next.due()).isEmpty();
        session(3, SessionOutcome.ATTENDED);
        assertThat(riverside.as(ash, () -> measures.dueAtNextSession(robin)))
                .satisfies(n -> assertThat(n.sessionNumber()).isEqualTo(4))
                .satisfies(n -> assertThat(n.due()).extracting(DueMeasure::instrumentKey).containsExactly("phq-9"));
    }

    @Test
    void refusesASessionNumberOutOfRangeAndARelationshipNotSeen() {
        plan(new PlanEntry("phq-9", PlanTiming.EVERY_SESSION, null));

        assertThatThrownBy(() -> dueAt(0)).isInstanceOf(RuleBroken.class).hasMessageContaining("from 1 to 10000");
        assertThatThrownBy(() -> dueAt(10_001)).isInstanceOf(RuleBroken.class);
        assertThatThrownBy(() -> riverside.as(bea, () -> measures.dueAtSession(robin, 1))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> riverside.as(ash, () -> measures.dueAtEnding(new RelationshipId(UUID.randomUUID()))))
                .isInstanceOf(RecordNotFound.class);
    }

    @Test
    void auditsReadingWhatIsDue() {
        dueAt(1);
        UUID party = riverside.as(ash, () -> relationships.describe(robin).clientPartyId());
        assertThat(riverside.inScope(() -> audit.forClient(party, 0)).entries()).extracting(AuditEntry::detail)
                .contains("read the measures due at a session");
    }

    @Test
    void showsTheMeasuresDueOnTheQuickRecordForm() throws Exception {
        plan(new PlanEntry("phq-9", PlanTiming.EVERY_SESSION, null), new PlanEntry("gad-7", PlanTiming.EVERY_N_SESSIONS, 4));
        session(7, SessionOutcome.ATTENDED);

        page(ash, get("/relationships/" + robin.value() + "/record")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(Matchers.allOf(
                        Matchers.containsString("Measures due at this session"),
                        Matchers.containsString("Session 2 by the measurement plan"),
                        Matchers.containsString("(every session)"),
                        Matchers.not(Matchers.containsString("(every 4 sessions)")),
                        Matchers.containsString("/relationships/" + robin.value() + "/measures/phq-9/enter"),
                        Matchers.containsString("Enter answers now"),
                        Matchers.containsString("Send a link"))));
    }

    @Test
    void showsTheMeasuresDueOnTheSessionPageAndWhichWereAnsweredThere() throws Exception {
        plan(new PlanEntry("phq-9", PlanTiming.EVERY_SESSION, null), new PlanEntry("rapport-check-in", PlanTiming.FIRST_SESSION, null));
        SessionId first = session(7, SessionOutcome.ATTENDED);
        riverside.run(ash, () -> measures.enterInSession(robin, "phq-9", phq9(1, 1, 1, 1, 1, 1, 1, 1, 0), first));

        page(ash, get("/sessions/" + first.value())).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(Matchers.allOf(
                        Matchers.containsString("Measures due"),
                        Matchers.containsString("Session 1 by the measurement plan"),
                        Matchers.containsString("Answered at this session"),
                        Matchers.containsString("/measures/rapport-check-in/enter?session=" + first.value()),
                        Matchers.not(Matchers.containsString("/measures/phq-9/enter?session=")))));
    }

    @Test
    void servesWhatIsDueInTheApiAndRefusesBadSessionNumbers() throws Exception {
        plan(new PlanEntry("phq-9", PlanTiming.EVERY_SESSION, null), new PlanEntry("gad-7", PlanTiming.AT_ENDING, null),
                new PlanEntry("rapport-check-in", PlanTiming.AT_FOLLOW_UP, null));

        api(ash, get("/api/relationships/" + robin.value() + "/measures/due")).andExpect(status().isOk())
                .andExpect(jsonPath("$.sessionNumber").value(1))
                .andExpect(jsonPath("$.atSession[0].instrumentKey").value("phq-9"))
                .andExpect(jsonPath("$.atSession[0].name").value("PHQ-9"))
                .andExpect(jsonPath("$.atEnding[0].instrumentKey").value("gad-7"))
                .andExpect(jsonPath("$.followUpInstrument").value("rapport-check-in"));
        api(ash, get("/api/relationships/" + robin.value() + "/measures/due?session=5")).andExpect(status().isOk())
                .andExpect(jsonPath("$.sessionNumber").value(5));
        for (String bad : List.of("0", "-3", "10001", "two", "1.5", "99999999999")) {
            api(ash, get("/api/relationships/" + robin.value() + "/measures/due?session=" + bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString("from 1 to 10000")));
        }
        api(bea, get("/api/relationships/" + robin.value() + "/measures/due")).andExpect(status().isNotFound());
        api(ash, get("/api/relationships/" + UUID.randomUUID() + "/measures/due")).andExpect(status().isNotFound());
        api(ash, get("/api/relationships/not-an-id/measures/due")).andExpect(status().isBadRequest());
    }

    @Test
    void describesTheNewEndpointsInOpenApi() throws Exception {
        String spec = api(ash, get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(spec).contains("/api/relationships/{id}/measures/due", "/api/relationships/{id}/scores/outcome",
                "/api/caseload/former-clients", "followUpInstrument", "reliableRecovery");
    }

    // --- recovery ------------------------------------------------------------------------------

    @Test
    void showsRecoveryOnBothPanelsAndInTheApiOnceThePairHasTwoScoresEach() throws Exception {
        enter("phq-9", phq9(2, 2, 2, 2, 2, 2, 2, 2, 0));
        api(ash, get("/api/relationships/" + robin.value() + "/scores/outcome")).andExpect(status().isOk())
                .andExpect(jsonPath("$.talkingTherapies").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.note").value(Matchers.containsString("once both PHQ-9 and GAD-7")));
        enter("gad-7", gad7(2, 2, 2, 2, 2, 1, 1));
        enter("phq-9", phq9(1, 1, 1, 1, 0, 0, 0, 0, 0));
        enter("gad-7", gad7(1, 1, 1, 1, 1, 0, 0));

        api(ash, get("/api/relationships/" + robin.value() + "/scores/outcome")).andExpect(status().isOk())
                .andExpect(jsonPath("$.talkingTherapies.caseAtStart").value(true))
                .andExpect(jsonPath("$.talkingTherapies.recovery").value("Recovered"))
                .andExpect(jsonPath("$.talkingTherapies.reliableChange").value("Reliable improvement"))
                .andExpect(jsonPath("$.talkingTherapies.reliableRecovery").value("Reliably recovered"))
                .andExpect(jsonPath("$.talkingTherapies.firstAndLatest[0]").value("PHQ-9 16 → 4"));
        String html = page(ash, get("/relationships/" + robin.value())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"measures-recovery\"").contains("id=\"health-recovery\"")
                .contains("Reliably recovered").contains("PHQ-9 16 → 4; GAD-7 12 → 5");
        api(bea, get("/api/relationships/" + robin.value() + "/scores/outcome")).andExpect(status().isNotFound());
    }

    @Test
    void saysRecoveryDoesNotApplyWhenNeitherFirstScoreWasAtCaseness() throws Exception {
        enter("phq-9", phq9(1, 1, 1, 1, 1, 1, 0, 0, 0));
        enter("gad-7", gad7(1, 1, 1, 1, 1, 0, 0));
        enter("phq-9", phq9(1, 1, 1, 0, 0, 0, 0, 0, 0));
        enter("gad-7", gad7(1, 1, 0, 0, 0, 0, 0));

        api(ash, get("/api/relationships/" + robin.value() + "/scores/outcome")).andExpect(status().isOk())
                .andExpect(jsonPath("$.talkingTherapies.caseAtStart").value(false))
                .andExpect(jsonPath("$.talkingTherapies.recovery").value("Does not apply: not at caseness at the start"))
                .andExpect(jsonPath("$.talkingTherapies.reliableRecovery").value("Does not apply: not at caseness at the start"));
        page(ash, get("/relationships/" + robin.value())).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(Matchers.allOf(
                        Matchers.containsString("Does not apply: not at caseness at the start"),
                        Matchers.containsString("Neither first score was at caseness"))));
    }
}
