package org.rapport.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.goals.GoalId;
import org.rapport.goals.GoalManagement;
import org.rapport.goals.LevelDescriptions;
import org.rapport.goals.NewGoal;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.people.ClientMember;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.NewReferral;
import org.rapport.relationships.Referral;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.relationships.Urgency;
import org.rapport.sessions.SessionManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The quick recording form and its API call, with good and bad input: nothing is ever stored half. */
@SpringBootTest
@AutoConfigureMockMvc
class QuickRecordPagesTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired GoalManagement goals;
    @Autowired SessionManagement sessions;

    TestOrganisation harbour;
    Staff jo;
    RelationshipId couple;
    GoalId goal;
    List<ClientMember> members;

    @BeforeEach
    void aCoupleWithAGoal() {
        harbour = new TestOrganisation(accounts, people, "Harbour Counselling");
        jo = harbour.aHelper("Jo Finch");
        LocalDate start = LocalDate.now().minusWeeks(2);
        couple = harbour.as(jo, () -> relationships.refer(new NewReferral(
                new NewClientParty(ClientPartyKind.COUPLE, "Dee and Eli", List.of(new NewClientMember("Dee Hart", start),
                        new NewClientMember("Eli Hart", start))),
                null, new Referral("GP", "Arguing a lot", start, Urgency.ROUTINE), jo.helper(), null, List.of(),
                "hill-helping-model", UUID.randomUUID())));
        harbour.run(jo, () -> relationships.changeStatus(couple, relationships.overview(couple).version(),
                RelationshipStatus.ACTIVE, "Started"));
        goal = harbour.as(jo, () -> goals.setGoal(couple, new NewGoal(null, "Arguing", "Talk without shouting",
                new LevelDescriptions("Shout daily", "Shout weekly", "Shout rarely", "Never shout", "Talk calmly always"),
                new AttainmentLevel(-1), null, null, null, null)));
        members = harbour.as(jo, () -> relationships.overview(couple).clientParty().members());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void offersTheFormWithTodayAttendanceGoalsAndTheNote() throws Exception {
        Document page = page(mvc.perform(get("/relationships/" + couple.value() + "/record").with(asJo())).andReturn());

        assertThat(page.select("h1").text()).isEqualTo("Record a session with Dee and Eli");
        assertThat(page.select("#on").val()).isEqualTo(LocalDate.now().toString());
        assertThat(page.select("input[name=present][checked]")).hasSize(2);
        assertThat(page.select("legend").eachText()).contains("Goal: Talk without shouting");
        assertThat(page.select("label[for=section-0]").text()).isEqualTo("Note");
    }

    @Test
    void recordsTheSessionAndGoesBackToTheRelationship() throws Exception {
        MvcResult result = mvc.perform(valid(java.util.Map.of("present", members.get(0).id().value().toString()))
                .param("rating-" + goal.value(), "1").param("section-0", "Good talk").param("signNote", "on")).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/relationships/" + couple.value());
        assertThat(result.getFlashMap().get("flash")).isEqualTo("Session recorded with 1 goal rating and a signed note.");
        assertThat(sessionsStored()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({ "on, 2026-02-30, Give the date of the session.", "at, 25:00, Give the time the session started.",
            "lengthMinutes, abc, Give the length in whole minutes.", "outcome, FLYING, Choose what happened.",
            "mode, CARRIER_PIGEON, Choose how you met.", "skills, JUGGLING, Choose skills from the list." })
    void refusesAValueOfTheWrongKindAndKeepsWhatWasTyped(String field, String value, String message) throws Exception {
        MvcResult result = mvc.perform(valid(java.util.Map.of(field, value)).param("section-0", "Kept text")).andReturn();

        Document page = page(result);
        assertThat(page.select("#form-problems").text()).contains(message);
        assertThat(page.select("#section-0").text()).isEqualTo("Kept text");
        assertThat(sessionsStored()).isZero();
    }

    @Test
    void refusesARatingOutsideTheScaleAndStoresNothing() throws Exception {
        Document page = page(mvc.perform(valid().param("rating-" + goal.value(), "3")).andReturn());

        assertThat(page.select("#form-problems").text()).isNotBlank().doesNotContain("Exception", "java.");
        assertThat(sessionsStored()).isZero();
    }

    @Test
    void refusesAttendanceForSomeoneWhoIsNotAMember() throws Exception {
        Document page = page(mvc.perform(valid(java.util.Map.of("present", UUID.randomUUID().toString()))).andReturn());

        assertThat(page.select("#form-problems").text()).contains("only be recorded for the client party's members");
        assertThat(sessionsStored()).isZero();
    }

    @Test
    void refusesASessionInTheFuture() throws Exception {
        Document page = page(mvc.perform(valid(java.util.Map.of("on", LocalDate.now().plusDays(3).toString()))).andReturn());

        assertThat(page.select("#form-problems").text()).isNotBlank();
        assertThat(sessionsStored()).isZero();
    }

    @Test
    void answersNotFoundForARelationshipOutsideTheCaseload() throws Exception {
        Staff stranger = harbour.aHelper("Kim Vale");
        int status = mvc.perform(get("/relationships/" + couple.value() + "/record")
                .with(user(accounts.loadUserByUsername(stranger.username())))).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(404);
    }

    @Test
    void recordsThroughTheApiAndRefusesBadInputThere() throws Exception {
        String base = "/api/relationships/" + couple.value() + "/session-records";
        String good = """
                {"on": "%s", "at": "10:00", "lengthMinutes": 50, "mode": "VIDEO", "outcome": "ATTENDED",
                 "attendance": {"%s": true, "%s": true}, "skills": ["LISTENING"],
                 "ratings": {"%s": 0}, "note": {"template": "free", "sections": {"Note": "Fine"}, "sign": true}}
                """.formatted(LocalDate.now(), members.get(0).id().value(), members.get(1).id().value(), goal.value());
        MvcResult created = mvc.perform(post(base).with(api()).contentType(MediaType.APPLICATION_JSON).content(good))
                .andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        assertThat(created.getResponse().getContentAsString()).contains("sessionId", "noteId");

        MvcResult outOfRange = mvc.perform(post(base).with(api()).contentType(MediaType.APPLICATION_JSON)
                .content(good.replace("\": 0}", "\": 5}"))).andReturn();
        assertThat(outOfRange.getResponse().getStatus()).isEqualTo(400);
        assertThat(outOfRange.getResponse().getContentType()).isEqualTo("application/problem+json");

        MvcResult unreadable = mvc.perform(post(base).with(api()).contentType(MediaType.APPLICATION_JSON)
                .content(good.replace("\"ATTENDED\"", "\"MAYBE\""))).andReturn();
        assertThat(unreadable.getResponse().getStatus()).isEqualTo(400);

        MvcResult missedButRated = mvc.perform(post(base).with(api()).contentType(MediaType.APPLICATION_JSON)
                .content(good.replace("\"ATTENDED\"", "\"DID_NOT_ATTEND\""))).andReturn();
        assertThat(missedButRated.getResponse().getStatus()).isEqualTo(409);
        assertThat(sessionsStored()).isEqualTo(1);
    }

    private MockHttpServletRequestBuilder valid() {
        return valid(java.util.Map.of());
    }

    /** A valid form, with some of its values replaced. */
    private MockHttpServletRequestBuilder valid(java.util.Map<String, String> replaced) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>(java.util.Map.of("on",
                LocalDate.now().toString(), "at", "10:00", "lengthMinutes", "50", "mode", "IN_PERSON", "outcome",
                "ATTENDED", "noteTemplate", "free"));
        values.putAll(replaced);
        MockHttpServletRequestBuilder request = post("/relationships/" + couple.value() + "/record").with(asJo())
                .with(csrf());
        values.forEach(request::param);
        if (!replaced.containsKey("present")) {
            members.forEach(m -> request.param("present", m.id().value().toString()));
        }
        return request;
    }

    private int sessionsStored() {
        return harbour.as(jo, () -> sessions.sessionsOf(couple)).size();
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor asJo() {
        return user(accounts.loadUserByUsername(jo.username()));
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor api() {
        return httpBasic(jo.username(), TestOrganisation.PASSWORD);
    }

    private static Document page(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString());
    }
}
