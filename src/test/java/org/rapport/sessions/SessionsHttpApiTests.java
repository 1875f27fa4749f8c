package org.rapport.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.rapport.sessions.SessionFixtures.aGroupReferral;
import static org.rapport.testing.WebClient.isProblem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapport.accounts.AccountManagement;
import org.rapport.people.ClientMember;
import org.rapport.people.ClientPartyId;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.testing.TestOrganisation.Staff;
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
 * The sessions API with bad input and good: invalid fields a 400 problem naming them, JSON that
 * cannot be read (an impossible date, a length that is not a number, an unknown outcome) a plain
 * 400, hidden records a 404, refusals by the rules and stale versions a 409; nothing stored half.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionsHttpApiTests {

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    WebClient web;

    SessionFixtures riverside;
    Staff ash;
    RelationshipId group;
    List<ClientMember> members;

    @BeforeEach
    void openAGroup() {
        web = new WebClient(mvc, accounts);
        riverside = new SessionFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        group = riverside.as(ash, () -> relationships.refer(aGroupReferral("Tuesday anxiety group", ash,
                today().minusWeeks(3), "Alex Birch", "Bo Hazel", "Cam Rowan")));
        members = riverside.as(ash, () -> people.clientParty(
                new ClientPartyId(relationships.describe(group).clientPartyId()))).members();
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

    ResultActions as(Staff who, MockHttpServletRequestBuilder request) throws Exception {
        return web.checkedApi(who, request);
    }

    ResultActions send(String path, String json) throws Exception {
        return as(ash, post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    String session(String on, String length) {
        return """
                {"on": %s, "at": "10:00", "lengthMinutes": %s, "mode": "VIDEO"}""".formatted(on, length);
    }

    String scheduleToday() throws Exception {
        String body = send("/api/relationships/" + group + "/sessions", session("\"" + today() + "\"", "50"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    String everyone(boolean present) {
        return members.stream().map(m -> "\"" + m.id() + "\": " + present).collect(Collectors.joining(", ", "{", "}"));
    }

    @Test
    void schedulesRecordsAndReadsASession() throws Exception {
        ResultActions created = send("/api/relationships/" + group + "/sessions",
                session("\"" + today() + "\"", "50"));
        created.andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("/api/sessions/" + UUID_PATTERN)))
                .andExpect(jsonPath("$.id", matchesPattern(UUID_PATTERN)))
                .andExpect(jsonPath("$.relationship").value(group.toString()))
                .andExpect(jsonPath("$.outcome").value("SCHEDULED"));
        String id = JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.id");

        as(ash, get("/api/sessions/upcoming")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].clientPartyName").value("Tuesday anxiety group"));

        String attendance = everyone(true).replaceFirst("true", "false");
        send("/api/sessions/" + id + "/record", """
                {"outcome": "ATTENDED", "attendance": %s, "skills": ["LISTENING", "IMMEDIACY"], "version": 0}"""
                .formatted(attendance))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.attendance", hasSize(3)))
                .andExpect(jsonPath("$.skills", hasSize(2)))
                .andExpect(jsonPath("$.phaseKey").value("exploration"));

        as(ash, get("/api/sessions/" + id)).andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("ATTENDED"));
        as(ash, get("/api/relationships/" + group + "/sessions")).andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void recordsAPastSessionInOneStep() throws Exception {
        send("/api/relationships/" + group + "/sessions", """
                {"on": "%s", "at": "18:00", "lengthMinutes": 90, "mode": "IN_PERSON", "place": "Hall",
                 "record": {"outcome": "ATTENDED", "attendance": %s, "skills": ["QUESTIONING"]}}"""
                .formatted(today().minusDays(2), everyone(true)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.outcome").value("ATTENDED"));
        isProblem(send("/api/relationships/" + group + "/sessions", """
                {"on": "%s", "at": "18:00", "lengthMinutes": 90, "mode": "IN_PERSON",
                 "record": {"outcome": "DID_NOT_ATTEND"}}""".formatted(today().plusDays(2))), 409);
        assertThat(stored("session")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-02-30\"", "\"2026-13-01\"", "\"30/01/2026\"", "\"tomorrow\"", "true"})
    void refusesAnImpossibleDate(String on) throws Exception {
        isProblem(send("/api/relationships/" + group + "/sessions", session(on, "50")), 400);
        assertThat(stored("session")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "481", "-10", "\"abc\"", "null", "4.5"})
    void refusesAnImpossibleLength(String length) throws Exception {
        isProblem(send("/api/relationships/" + group + "/sessions", session("\"" + today() + "\"", length)), 400);
        assertThat(stored("session")).isZero();
    }

    @Test
    void refusesMissingFieldsNamingThem() throws Exception {
        send("/api/relationships/" + group + "/sessions", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").isArray());
        isProblem(send("/api/relationships/" + group + "/sessions", "not json"), 400);
        isProblem(send("/api/relationships/" + group + "/sessions", session("\"" + today().minusDays(1) + "\"", "50")), 409);
        isProblem(send("/api/relationships/" + group + "/sessions", """
                {"on": "%s", "at": "10:00", "lengthMinutes": 50, "mode": "VIDEO", "place": "%s"}"""
                .formatted(today(), "x".repeat(201))), 400);
        assertThat(stored("session")).isZero();
    }

    @Test
    void refusesBadRecordsAndStoresNothingOfThem() throws Exception {
        String id = scheduleToday();
        String path = "/api/sessions/" + id + "/record";
        String stranger = everyone(true).replace("}", ", \"" + UUID.randomUUID() + "\": true}");
        isProblem(send(path, """
                {"outcome": "ATTENDED", "attendance": %s, "version": 0}""".formatted(stranger)), 409);
        isProblem(send(path, """
                {"outcome": "ATTENDED", "attendance": {"%s": true}, "version": 0}""".formatted(members.get(0).id())), 409);
        isProblem(send(path, """
                {"outcome": "ATTENDED", "attendance": {"not-a-uuid": true}, "version": 0}"""), 400);
        isProblem(send(path, """
                {"outcome": "ATTENDED", "attendance": %s, "version": 0}""".formatted(everyone(true).replaceFirst("true", "null"))), 409);
        isProblem(send(path, """
                {"outcome": "MAYBE", "version": 0}"""), 400);
        isProblem(send(path, """
                {"outcome": "ATTENDED", "attendance": %s, "skills": ["TELEKINESIS"], "version": 0}""".formatted(everyone(true))), 400);
        isProblem(send(path, """
                {"outcome": "SCHEDULED", "version": 0}"""), 409);
        isProblem(send(path, """
                {"outcome": "CANCELLED_BY_CLIENT"}"""), 400);
        isProblem(send(path, """
                {"outcome": "CANCELLED_BY_CLIENT", "version": 3}"""), 409);
        as(ash, get("/api/sessions/" + id)).andExpect(jsonPath("$.outcome").value("SCHEDULED"))
                .andExpect(jsonPath("$.version").value(0));
        assertThat(stored("session_attendance")).isZero();
    }

    @Test
    void answersNotFoundForUnknownAndForeignIds() throws Exception {
        String id = scheduleToday();
        SessionFixtures hillside = new SessionFixtures(accounts, people, "Hillside Nursing");
        Staff cal = hillside.anAdmin("Cal Verity");
        isProblem(as(cal, get("/api/sessions/" + id)), 404);
        isProblem(as(cal, get("/api/relationships/" + group + "/sessions")), 404);
        isProblem(as(cal, post("/api/relationships/" + group + "/sessions").contentType(MediaType.APPLICATION_JSON)
                .content(session("\"" + today() + "\"", "50"))), 404);
        isProblem(as(cal, post("/api/sessions/" + id + "/record").contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\": \"CANCELLED_BY_CLIENT\", \"version\": 0}")), 404);
        isProblem(as(ash, get("/api/sessions/" + UUID.randomUUID())), 404);
        assertThat(as(ash, get("/api/sessions/not-a-uuid")).andReturn().getResponse().getStatus()).isIn(400, 404);
    }

    @Test
    void opensAndRevokesTheCalendarFeed() throws Exception {
        scheduleToday();
        String body = as(ash, post("/api/calendar-feed")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.path", matchesPattern("/calendar/[A-Za-z0-9_-]+\\.ics")))
                .andReturn().getResponse().getContentAsString();
        String path = JsonPath.read(body, "$.path");
        mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"));
        as(ash, delete("/api/calendar-feed")).andExpect(status().isNoContent());
        mvc.perform(get(path)).andExpect(status().isNotFound());
    }

    @Test
    void describesTheSessionEndpointsInOpenApi() throws Exception {
        String spec = as(ash, get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(spec).contains("/api/relationships/{id}/sessions", "/api/sessions/{sid}", "/api/sessions/{sid}/record",
                "/api/sessions/upcoming", "/api/calendar-feed").doesNotContain("/calendar/{token}");
    }
}
