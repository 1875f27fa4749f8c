package org.rapport.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.sessions.SessionFixtures.aGroupReferral;
import static org.rapport.sessions.SessionFixtures.aReferral;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
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
import org.rapport.people.ClientMember;
import org.rapport.people.ClientPartyId;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.Urgency;
import org.rapport.testing.TestOrganisation.Staff;
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
 * The session pages sent what a hurried or careless hand might send: a plain message on the page,
 * never a stack trace, nothing stored half. Then the happy paths: schedule, record, the calendar
 * feed link, and the feed itself with nobody signed in.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionPagesTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
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
                today().minusWeeks(3), "Alex Birch", "Bo Hazel", "Cam Rowan", "Dee Alder")));
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

    MvcResult send(Staff who, MockHttpServletRequestBuilder request) throws Exception {
        return web.checkedPage(who, request);
    }

    MvcResult send(MockHttpServletRequestBuilder request) throws Exception {
        return send(ash, request);
    }

    static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    MockHttpServletRequestBuilder schedule(String on, String at, String length, String mode) {
        return post("/relationships/" + group + "/sessions").param("on", on).param("at", at)
                .param("lengthMinutes", length).param("mode", mode).param("place", "Room 2");
    }

    SessionId scheduledToday() {
        return riverside.as(ash, () -> sessions.schedule(group,
                new NewSession(today(), LocalTime.of(9, 0), 90, MeetingMode.IN_PERSON, null)));
    }

    @Test
    void schedulesASessionFromTheFormAndShowsItsPage() throws Exception {
        MvcResult form = send(get("/relationships/" + group + "/sessions/new"));
        assertThat(page(form).select("h1").text()).isEqualTo("Schedule a session");
        assertThat(page(form).select("label[for=lengthMinutes]")).isNotEmpty();

        MvcResult done = send(schedule(today().plusDays(5).toString(), "14:30", "60", "VIDEO"));
        assertThat(done.getResponse().getRedirectedUrl()).startsWith("/sessions/");
        MvcResult shown = send(get(done.getResponse().getRedirectedUrl()));
        Document doc = page(shown);
        assertThat(doc.select("#details").text()).contains("14:30, 60 minutes", "Video", "Room 2", "Not recorded yet");
        assertThat(doc.select("#record input[name=present]")).hasSize(4);
        assertThat(doc.select("#record input[name=skills]")).hasSize(12);
        assertThat(doc.select("#record legend").eachText()).contains("Basic skills", "Exploration", "Insight", "Action");

        MvcResult relationship = send(get("/relationships/" + group));
        assertThat(page(relationship).select("#sessions").text()).contains("Coming up", "60 minutes");
    }

    @ParameterizedTest(name = "on={0} at={1} length={2} mode={3}")
    @CsvSource({
            "2026-02-30, 10:00, 50, IN_PERSON, real date",
            "not-a-date, 10:00, 50, IN_PERSON, real date",
            "'', 10:00, 50, IN_PERSON, Choose the day",
            "+1, 25:99, 50, IN_PERSON, hours and minutes",
            "+1, 10:00, 0, IN_PERSON, at least 5 minutes",
            "+1, 10:00, 481, IN_PERSON, at most 480 minutes",
            "+1, 10:00, abc, IN_PERSON, whole number of minutes",
            "+1, 10:00, '', IN_PERSON, length in minutes",
            "+1, 10:00, 50, TELEPATHY, how you meet",
            "-1, 10:00, 50, IN_PERSON, cannot be in the past",
            "+800, 10:00, 50, IN_PERSON, two years ahead"})
    void refusesABadScheduleWithAPlainMessageAndStoresNothing(String on, String at, String length, String mode,
            String message) throws Exception {
        String day = on.startsWith("+") || on.startsWith("-") ? today().plusDays(Integer.parseInt(on)).toString() : on;
        MvcResult result = send(schedule(day, at, length, mode));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(page(result).select("[role=alert]").text()).contains(message);
        assertThat(stored("session")).isZero();
    }

    @Test
    void recordsASessionWithOneMemberAbsentAndThreeSkills() throws Exception {
        SessionId id = scheduledToday();
        MockHttpServletRequestBuilder request = post("/sessions/" + id + "/record").param("version", "0")
                .param("outcome", "ATTENDED").param("skills", "LISTENING", "CHALLENGE", "INFORMATION");
        for (ClientMember m : members) {
            request.param("members", m.id().toString());
            if (!m.name().equals("Bo Hazel")) request.param("present", m.id().toString());
        }
        MvcResult result = send(request);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/sessions/" + id);

        Document doc = page(send(get("/sessions/" + id)));
        assertThat(doc.select("#attendance").text()).contains("3 of 4").doesNotContain("Bo Hazel");
        assertThat(doc.select("#skills").text()).contains("Listening", "Challenge", "Information");
        assertThat(doc.select("#outcome").text()).isEqualTo("Attended");
    }

    @Test
    void refusesAttendanceForANonMemberAnUnknownOutcomeAndAStaleVersion() throws Exception {
        SessionId id = scheduledToday();
        MockHttpServletRequestBuilder stranger = post("/sessions/" + id + "/record").param("version", "0")
                .param("outcome", "ATTENDED");
        members.forEach(m -> stranger.param("members", m.id().toString()).param("present", m.id().toString()));
        stranger.param("members", UUID.randomUUID().toString()).param("present", "not-a-uuid");
        assertThat(page(send(stranger)).select("[role=alert]").text()).contains("not a member");

        MockHttpServletRequestBuilder outsider = post("/sessions/" + id + "/record").param("version", "0")
                .param("outcome", "ATTENDED");
        members.forEach(m -> outsider.param("members", m.id().toString()).param("present", m.id().toString()));
        outsider.param("members", UUID.randomUUID().toString());
        assertThat(page(send(outsider)).select("[role=alert]").text()).contains("not a member");

        assertThat(page(send(post("/sessions/" + id + "/record").param("version", "0").param("outcome", "MAYBE")))
                .select("[role=alert]").text()).contains("Choose what happened");
        assertThat(page(send(post("/sessions/" + id + "/record").param("version", "0")))
                .select("[role=alert]").text()).contains("Choose what happened");
        assertThat(page(send(post("/sessions/" + id + "/record").param("version", "0").param("outcome", "DID_NOT_ATTEND")
                .param("skills", "TELEKINESIS"))).select("[role=alert]").text()).contains("skills from the list");

        MvcResult stale = send(post("/sessions/" + id + "/record").param("version", "7").param("outcome",
                "CANCELLED_BY_CLIENT"));
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(page(stale).text()).contains("Changed by someone else");

        assertThat(riverside.as(ash, () -> sessions.describe(id)).outcome()).isEqualTo(SessionOutcome.SCHEDULED);
        assertThat(stored("session_attendance")).isZero();
        assertThat(stored("session_skill")).isZero();
    }

    @Test
    void answersNotFoundForUnknownAndForeignSessionsAndForbiddenForASupervisor() throws Exception {
        SessionId id = scheduledToday();
        Staff bea = riverside.aHelper("Bea Quill");
        assertThat(send(bea, get("/sessions/" + id)).getResponse().getStatus()).isEqualTo(404);
        assertThat(send(get("/sessions/" + UUID.randomUUID())).getResponse().getStatus()).isEqualTo(404);
        assertThat(send(get("/sessions/not-an-id")).getResponse().getStatus()).isEqualTo(404);
        assertThat(send(bea, post("/sessions/" + id + "/record").param("version", "0").param("outcome",
                "CANCELLED_BY_CLIENT")).getResponse().getStatus()).isEqualTo(404);
        assertThat(send(bea, get("/relationships/" + group + "/sessions/new")).getResponse().getStatus()).isEqualTo(404);

        Staff dana = riverside.staff("Dana Wren", Role.SUPERVISOR);
        riverside.supervises(dana, ash);
        Document seen = page(send(dana, get("/sessions/" + id)));
        assertThat(seen.select("#record")).isEmpty();
        assertThat(send(dana, post("/sessions/" + id + "/record").param("version", "0").param("outcome",
                "CANCELLED_BY_CLIENT")).getResponse().getStatus()).isEqualTo(403);
        assertThat(page(send(dana, get("/relationships/" + group))).select("#sessions a.button")).isEmpty();
    }

    @Test
    void showsTheUpcomingSessionsAndTheFeedLinkOnceThenServesTheFeedWithoutSignIn() throws Exception {
        riverside.run(ash, () -> sessions.schedule(group,
                new NewSession(today().plusDays(1), LocalTime.of(11, 0), 50, MeetingMode.PHONE, "Phone line")));
        Document upcoming = page(send(get("/sessions/upcoming")));
        assertThat(upcoming.select("h1").text()).isEqualTo("Upcoming sessions");
        assertThat(upcoming.select("#upcoming").text()).contains("Tuesday anxiety group", "Phone");
        assertThat(upcoming.select("#feed-link")).isEmpty();

        MvcResult opened = send(post("/calendar-feed"));
        String feedLink = (String) opened.getFlashMap().get("feedLink");
        assertThat(feedLink).contains("/calendar/").endsWith(".ics");
        String path = feedLink.substring(feedLink.indexOf("/calendar/"));

        MvcResult feed = mvc.perform(get(path)).andReturn();
        assertThat(feed.getResponse().getStatus()).isEqualTo(200);
        assertThat(feed.getResponse().getContentType()).startsWith("text/calendar");
        assertThat(feed.getResponse().getContentAsString()).contains("BEGIN:VEVENT", "Rapport session")
                .doesNotContain("Tuesday", "anxiety", "Phone line", "Alex");

        assertThat(page(send(get("/sessions/upcoming"))).select("#feed-link")).isEmpty();
        send(post("/calendar-feed/revoke"));
        MvcResult revoked = mvc.perform(get(path)).andReturn();
        assertThat(revoked.getResponse().getStatus()).isEqualTo(404);
        assertThat(revoked.getResponse().getContentAsString()).isEmpty();
        assertThat(mvc.perform(get("/calendar/unknown-token.ics")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
