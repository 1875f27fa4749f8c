package org.rapport.followups;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.followups.FollowUpFixtures.aReferral;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.OrganisationSettings;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.testing.TravellingClock;
import org.rapport.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The former client's follow-up and reconnect pages, the helper's "Create the link", and the
 * follow-ups API, sent what a careless or curious hand might send: a plain message and nothing
 * stored, and one calm page for any link that cannot be used.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TravellingClock.Configuration.class)
class FollowUpPagesTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired FollowUpManagement followUps;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;
    @Autowired TravellingClock clock;
    WebClient web;

    FollowUpFixtures riverside;
    Staff ash;
    RelationshipId robin;
    LocalDate today;

    @BeforeEach
    void closeTheWorkWithRobin() {
        web = new WebClient(mvc, accounts);
        clock.reset();
        today = LocalDate.now(clock);
        riverside = new FollowUpFixtures(accounts, people, relationships, events, transactions, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        robin = riverside.as(ash, () -> relationships.refer(aReferral("Robin Quill Fairweather", ash, today.minusMonths(3))));
        riverside.closeWithFollowUps(ash, robin, today, List.of(today.plusMonths(1), today.plusMonths(3)), "phq-9");
    }

    @AfterEach
    void backToTheRealTime() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    FollowUpId due() {
        clock.travelTo(today.plusMonths(1));
        followUps.releaseDue();
        return riverside.as(ash, () -> followUps.followUpsOf(robin)).get(0).id();
    }

    String token() {
        FollowUpId followUp = due();
        return riverside.as(ash, () -> followUps.createLink(followUp)).path().substring("/f/".length());
    }

    ResultActions page(MockHttpServletRequestBuilder request) throws Exception {
        return web.page(ash, request);
    }

    ResultActions api(MockHttpServletRequestBuilder request) throws Exception {
        return web.api(ash, request);
    }

    long count(String table) {
        return riverside.inScope(() -> jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }

    /** The organisation's follow-up links (the lookup table sits outside row-level security, so it is filtered here). */
    long links() {
        return jdbc.sql("select count(*) from follow_up_link where organisation_id = ?").param(riverside.id().value())
                .query(Long.class).single();
    }

    MockHttpServletRequestBuilder answers(String token, String contact) {
        var request = post("/f/" + token).with(csrf()).param("wantsContact", contact);
        for (int i = 1; i <= 9; i++) request.param("item-" + i, "1");
        return request;
    }

    // --- the client's page ---------------------------------------------------------------------

    @Test
    void theFollowUpPageGreetsByFirstNameOnlyAndRevealsNothingElse() throws Exception {
        String page = mvc.perform(get("/f/" + token())).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Hello Robin").doesNotContain("Fairweather").doesNotContain("Quill")
                .doesNotContain("Brook Lane").doesNotContain("Low mood").doesNotContain("Ash Marlow")
                .contains("Would you like to get back in touch?").contains("name=\"_csrf\"").contains("type=\"radio\"")
                .contains("<label for=\"words\"");
        assertThat(page).as("what to do if they need help now").contains("id=\"crisis-information\"")
                .contains(OrganisationSettings.DEFAULT_CRISIS);
    }

    @Test
    void theClientAnswersAndAsksToComeBack() throws Exception {
        String token = token();
        mvc.perform(answers(token, "yes").param("words", "I would like to talk again."))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/f/thanks?back=true"))
                .andExpect(flash().attribute("crisisInformation", OrganisationSettings.DEFAULT_CRISIS));
        mvc.perform(get("/f/thanks?back=true")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("You asked to get back in touch")));
        assertThat(count("relationship")).isEqualTo(2);
        assertThat(count("administration")).isEqualTo(1);

        mvc.perform(answers(token, "yes")).andExpect(status().isGone());
        mvc.perform(get("/f/" + token)).andExpect(status().isGone());
        assertThat(count("relationship")).isEqualTo(2);
        assertThat(count("administration")).isEqualTo(1);

        String earlier = page(get("/relationships/" + robin.value())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(earlier).contains("Continued in a new referral on").contains("id=\"follow-ups\"").contains("Answered");
    }

    @Test
    void badAnswersAreAPlainMessageAndStoreNothing() throws Exception {
        String token = token();
        String[][] cases = {{"item-1", "4"}, {"item-1", "-1"}, {"item-1", "two"}, {"item-1", "99999999999"},
                {"item-10", "1"}, {"item-<script>", "1"}};
        for (String[] c : cases) {
            var request = answers(token, "no").param(c[0], c[1]);
            if (c[0].equals("item-1")) request = post("/f/" + token).with(csrf()).param("wantsContact", "no").param(c[0], c[1]);
            String page = mvc.perform(request).andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("role=\"alert\"").doesNotContain("Exception").doesNotContain("<script>");
        }
        mvc.perform(answers(token, "")).andExpect(status().is(422))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Say whether you would like to get back in touch")));
        mvc.perform(answers(token, "maybe")).andExpect(status().is(422));
        mvc.perform(answers(token, "yes").param("words", "x".repeat(2001))).andExpect(status().is(422));
        mvc.perform(post("/f/" + token).with(csrf()).param("wantsContact", "no").param("item-1", "1")).andExpect(status().is(422));
        mvc.perform(answers(token, "no").with(request -> {
            request.removeParameter("_csrf");
            return request;
        })).andExpect(status().is4xxClientError());
        assertThat(count("administration")).isZero();
        assertThat(count("relationship")).isEqualTo(1);
        mvc.perform(get("/f/" + token)).andExpect(status().isOk());
    }

    @Test
    void usedExpiredForgedAndForeignLinksGetTheSameCalmPage() throws Exception {
        String used = token();
        mvc.perform(answers(used, "no")).andExpect(status().is3xxRedirection());
        FollowUpId second = riverside.as(ash, () -> followUps.followUpsOf(robin)).get(1).id();
        clock.travelTo(today.plusMonths(3));
        followUps.releaseDue();
        String expired = riverside.as(ash, () -> followUps.createLink(second)).path().substring(3);
        clock.travel(Duration.ofDays(15));

        String expected = null;
        for (String token : new String[] {used, expired, "A".repeat(43), "x", "y".repeat(200)}) {
            String page = mvc.perform(get("/f/" + token)).andExpect(status().isGone()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("This link can no longer be used").doesNotContain("Robin").doesNotContain("Ash")
                    .doesNotContain("PHQ").doesNotContain("Riverside");
            if (expected == null) expected = page;
            else assertThat(page).isEqualTo(expected);
            mvc.perform(answers(token, "yes")).andExpect(status().isGone());
            mvc.perform(get("/reconnect/" + token)).andExpect(status().isGone());
            mvc.perform(post("/reconnect/" + token).with(csrf())).andExpect(status().isGone());
        }
        assertThat(count("administration")).isEqualTo(1);
        assertThat(count("relationship")).isEqualTo(1);
    }

    // --- the reconnect page ----------------------------------------------------------------------

    @Test
    void theReconnectPageAsksByTheHelpersNameAndWorksOnce() throws Exception {
        String token = riverside.as(ash, () -> followUps.issue(robin)).substring("/reconnect/".length());
        String page = mvc.perform(get("/reconnect/" + token)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Would you like to get back in touch with Ash Marlow?").doesNotContain("Robin")
                .doesNotContain("Fairweather").contains(OrganisationSettings.DEFAULT_CRISIS);

        mvc.perform(post("/reconnect/" + token).with(csrf()).param("words", "x".repeat(2001))).andExpect(status().is(422));
        assertThat(count("relationship")).isEqualTo(1);
        mvc.perform(post("/reconnect/" + token).with(csrf()).param("words", "Could we meet again?"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/reconnect/thanks"))
                .andExpect(flash().attribute("crisisInformation", OrganisationSettings.DEFAULT_CRISIS));
        mvc.perform(get("/reconnect/thanks")).andExpect(status().isOk());
        assertThat(count("relationship")).isEqualTo(2);
        mvc.perform(post("/reconnect/" + token).with(csrf())).andExpect(status().isGone());
        assertThat(count("relationship")).isEqualTo(2);
    }

    @Test
    void aReconnectFromOpenWorkIsACalmRefusal() throws Exception {
        RelationshipId open = riverside.as(ash, () -> relationships.refer(aReferral("Sasha Underwood", ash, today)));
        String token = riverside.as(ash, () -> followUps.issue(open)).substring("/reconnect/".length());
        mvc.perform(get("/reconnect/" + token)).andExpect(status().isConflict())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("has not ended")));
        mvc.perform(post("/reconnect/" + token).with(csrf())).andExpect(status().isConflict());
        assertThat(count("relationship")).isEqualTo(2);
    }

    // --- the helper's pages --------------------------------------------------------------------

    @Test
    void theHelperSeesTheFollowUpDueAndCreatesTheLinkShownOnce() throws Exception {
        page(get("/caseload")).andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                .content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Follow-ups due"))));
        FollowUpId followUp = due();
        String caseload = page(get("/caseload")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(caseload).contains("Follow-ups due").contains("Robin Quill Fairweather").contains("Create the link");

        MvcResult created = page(post("/follow-ups/" + followUp.value() + "/link").param("relationship", robin.value().toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/relationships/" + robin.value() + "#follow-ups")).andReturn();
        String link = (String) created.getFlashMap().get("followUpLink");
        assertThat(link).matches("http://localhost/f/[A-Za-z0-9_-]{43}");
        mvc.perform(get(link.substring("http://localhost".length()))).andExpect(status().isOk());
        String relationshipPage = page(get("/relationships/" + robin.value())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(relationshipPage).contains("id=\"follow-ups\"").contains("Create a new link")
                .doesNotContain(link.substring(link.lastIndexOf('/') + 1));
        assertThat(links()).as("only the hash is kept").isEqualTo(1);
        assertThat(riverside.inScope(() -> jdbc.sql("select count(*) from follow_up_link where token_hash = ?")
                .param(link.substring(link.lastIndexOf('/') + 1)).query(Long.class).single())).isZero();
    }

    @Test
    void creatingALinkTooEarlyOrForAnUnknownFollowUpIsRefusedPlainly() throws Exception {
        FollowUpId followUp = riverside.as(ash, () -> followUps.followUpsOf(robin)).get(0).id();
        MvcResult early = page(post("/follow-ups/" + followUp.value() + "/link").param("relationship", robin.value().toString()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat((String) early.getFlashMap().get("flashError")).contains("falls due on");
        page(post("/follow-ups/" + UUID.randomUUID() + "/link")).andExpect(status().isNotFound());
        page(post("/follow-ups/not-a-uuid/link")).andExpect(status().is4xxClientError());
        page(post("/follow-ups/" + followUp.value() + "/link").param("relationship", "not-a-uuid")).andExpect(status().is4xxClientError());
        Staff sam = riverside.staff("Sam Supervisor", Role.SUPERVISOR, Role.HELPER);
        riverside.supervises(sam, ash);
        web.page(sam, post("/follow-ups/" + followUp.value() + "/link")).andExpect(status().isForbidden());
        assertThat(links()).isZero();
    }

    // --- the API -------------------------------------------------------------------------------

    @Test
    void theApiListsFollowUpsAndCreatesALink() throws Exception {
        api(get("/api/relationships/" + robin.value() + "/follow-ups")).andExpect(status().isOk())
                .andExpect(jsonPath("$.followUps.length()").value(2))
                .andExpect(jsonPath("$.followUps[0].status").value("SCHEDULED"))
                .andExpect(jsonPath("$.followUps[0].relationship").value(robin.value().toString()));
        api(get("/api/follow-ups/due")).andExpect(status().isOk()).andExpect(jsonPath("$.followUps.length()").value(0));
        FollowUpId followUp = due();
        api(get("/api/follow-ups/due")).andExpect(status().isOk()).andExpect(jsonPath("$.followUps[0].id").value(followUp.value().toString()));
        api(post("/api/follow-ups/" + followUp.value() + "/link")).andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/relationships/" + robin.value() + "/follow-ups"))
                .andExpect(jsonPath("$.link").value(org.hamcrest.Matchers.startsWith("/f/")));
        String token = riverside.as(ash, () -> followUps.issue(robin));
        api(get("/api/relationships/" + robin.value() + "/reconnects")).andExpect(status().isOk())
                .andExpect(jsonPath("$.reconnects[0].via").value("LINK"))
                .andExpect(jsonPath("$.reconnects[0].askedAt").doesNotExist());
        assertThat(token).startsWith("/reconnect/");
        api(get("/api/relationships/" + robin.value())).andExpect(status().isOk())
                .andExpect(jsonPath("$.continuesFrom").doesNotExist());
    }

    @Test
    void theApiRefusesBadRequestsWithProblems() throws Exception {
        FollowUpId scheduled = riverside.as(ash, () -> followUps.followUpsOf(robin)).get(0).id();
        api(post("/api/follow-ups/" + scheduled.value() + "/link")).andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("application/problem+json")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("falls due on")));
        api(post("/api/follow-ups/" + UUID.randomUUID() + "/link")).andExpect(status().isNotFound());
        api(post("/api/follow-ups/not-a-uuid/link")).andExpect(status().isBadRequest());
        api(get("/api/relationships/not-a-uuid/follow-ups")).andExpect(status().isBadRequest());
        api(get("/api/relationships/" + UUID.randomUUID() + "/follow-ups")).andExpect(status().isNotFound());
        api(get("/api/relationships/" + UUID.randomUUID() + "/reconnects")).andExpect(status().isNotFound());
        mvc.perform(get("/api/follow-ups/due")).andExpect(status().isUnauthorized());
        assertThat(links()).isZero();
    }

    @Test
    void theFollowUpEndpointsAreInTheOpenApiDocument() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(doc).contains("/api/relationships/{id}/follow-ups").contains("/api/follow-ups/due")
                .contains("/api/follow-ups/{id}/link").contains("/api/relationships/{id}/reconnects").contains("Follow-ups");
    }
}
