package org.rapport.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.measures.MeasureFixtures.aReferral;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The client's answer page and the helper's measures pages and API, sent what a careless hand or a
 * curious one might send: a plain message, nothing stored, and a used, expired or forged link
 * answered by one calm page that gives nothing away.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MeasurePagesTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired MeasureManagement measures;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    WebClient web;

    MeasureFixtures riverside;
    Staff ash;
    RelationshipId robin;

    @BeforeEach
    void openARelationshipWithRobin() {
        web = new WebClient(mvc, accounts);
        riverside = new MeasureFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        robin = riverside.as(ash, () -> relationships.refer(aReferral("Robin Quill Fairweather", ash, LocalDate.now(clock).minusWeeks(2))));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    // --- the client's page ---------------------------------------------------------------------

    @Test
    void theClientPageGreetsByFirstNameOnlyAndCarriesTheFormToken() throws Exception {
        String token = send("phq-9");
        String page = mvc.perform(get("/m/" + token)).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Hello Robin").doesNotContain("Fairweather").doesNotContain("Quill")
                .doesNotContain("Brook Lane").doesNotContain("Ash Marlow")
                .contains("name=\"_csrf\"").contains("Save and finish later").contains("Send my answers")
                .contains("the last 2 weeks").contains("type=\"radio\"").contains("<fieldset");
    }

    @Test
    void theClientIsToldWhatToDoIfTheyNeedHelpNowOnTheFormAndAfterSending() throws Exception {
        String token = send("phq-9");
        String defaultShown = Jsoup.parse(mvc.perform(get("/m/" + token)).andReturn().getResponse().getContentAsString())
                .select("#crisis-information p").text();
        assertThat(defaultShown).isEqualTo(org.rapport.accounts.OrganisationSettings.DEFAULT_CRISIS);

        Staff admin = riverside.anAdmin("Alex Ward");
        riverside.run(admin, () -> accounts.changeOrganisationSettings(new org.rapport.accounts.OrganisationSettings(
                "Riverside Counselling", "Europe/London", "en-GB", "GB", null, "Call our duty line on 0161 496 0000, or 999.")));
        String own = Jsoup.parse(mvc.perform(get("/m/" + token)).andReturn().getResponse().getContentAsString())
                .select("#crisis-information").text();
        assertThat(own).contains("If you need help now", "Call our duty line on 0161 496 0000, or 999.");

        var answers = post("/m/" + token).with(csrf()).param("action", "send");
        for (int i = 1; i <= 9; i++) answers.param("item-" + i, "3");
        var sent = mvc.perform(answers).andExpect(redirectedUrl("/m/thanks")).andReturn();
        String thanks = mvc.perform(get("/m/thanks").flashAttrs(sent.getFlashMap())).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(thanks).select("#crisis-information").text()).contains("Call our duty line on 0161 496 0000");
    }

    @Test
    void theClientSavesPartWayThenSendsAndSeesThanks() throws Exception {
        String token = send("phq-9");
        mvc.perform(post("/m/" + token).with(csrf()).param("item-1", "2").param("item-2", "").param("action", "save"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/m/" + token));
        String resumed = mvc.perform(get("/m/" + token)).andReturn().getResponse().getContentAsString();
        assertThat(resumed).containsPattern("id=\"item-1-2\"[^>]*checked");

        var answers = post("/m/" + token).with(csrf()).param("action", "send");
        for (int i = 1; i <= 9; i++) answers.param("item-" + i, "1");
        mvc.perform(answers).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/m/thanks"));
        mvc.perform(get("/m/thanks")).andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Thank you")));
        assertThat(completed()).isEqualTo(1);
    }

    @Test
    void badAnswersOnTheClientPageAreAPlainMessageAndStoreNothing() throws Exception {
        String token = send("phq-9");
        String[][] cases = {
                {"item-1", "4"}, {"item-1", "-1"}, {"item-1", "two"}, {"item-1", "99999999999"}, {"item-10", "1"},
                {"item-<script>", "1"}};
        for (String[] c : cases) {
            String page = mvc.perform(post("/m/" + token).with(csrf()).param(c[0], c[1]).param("action", "save"))
                    .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("Your answers were not sent yet.").doesNotContain("Exception").doesNotContain("<script>");
        }
        // Missing items beyond the rule: PHQ-9 needs all nine.
        String page = mvc.perform(post("/m/" + token).with(csrf()).param("item-1", "1").param("action", "send"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Your answers were not sent yet.").containsPattern("id=\"item-1-1\"[^>]*checked");
        assertThat(riverside.inScope(() -> jdbc.sql("select answers::text from administration").query(String.class).single()))
                .isEqualTo("{}");
        assertThat(completed()).isZero();
    }

    @Test
    void withoutTheFormTokenNothingIsStored() throws Exception {
        String token = send("phq-9");
        mvc.perform(post("/m/" + token).param("item-1", "1").param("action", "save")).andExpect(status().isForbidden());
        assertThat(riverside.inScope(() -> jdbc.sql("select answers::text from administration").query(String.class).single()))
                .isEqualTo("{}");
    }

    @Test
    void usedExpiredAndForgedLinksGetTheSameGonePageRevealingNothing() throws Exception {
        String used = send("gad-7");
        var answers = post("/m/" + used).with(csrf()).param("action", "send");
        for (int i = 1; i <= 7; i++) answers.param("item-" + i, "0");
        mvc.perform(answers).andExpect(status().is3xxRedirection());
        String expired = send("phq-9");
        riverside.inScope(() -> jdbc.sql("update administration set expires_at = now() - interval '1 day' where status = 'SENT'").update());
        String forged = "A".repeat(43);

        String expected = null;
        for (String token : new String[] {used, expired, forged, "x"}) {
            String page = mvc.perform(get("/m/" + token)).andExpect(status().isGone()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("This link can no longer be used. Please ask the person who sent it for a new one.")
                    .doesNotContain("Robin").doesNotContain("Fairweather").doesNotContain("Ash").doesNotContain("PHQ")
                    .doesNotContain("GAD").doesNotContain("Riverside");
            if (expected == null) expected = page;
            else assertThat(page).isEqualTo(expected);
            mvc.perform(post("/m/" + token).with(csrf()).param("item-1", "3").param("action", "send")).andExpect(status().isGone());
        }
        assertThat(completed()).isEqualTo(1);
    }

    // --- the helper's pages ------------------------------------------------------------------

    @Test
    void theHelperMakesALinkAndSeesItOnceOnTheRelationshipPage() throws Exception {
        MvcResult sent = page(post("/relationships/" + robin.value() + "/measures/send").param("instrument", "phq-9"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String link = (String) sent.getFlashMap().get("measureLink");
        assertThat(link).matches("http://localhost/m/[A-Za-z0-9_-]{43}");
        mvc.perform(get(link.substring("http://localhost".length()))).andExpect(status().isOk());

        MvcResult refused = page(post("/relationships/" + robin.value() + "/measures/send").param("instrument", "ors"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat((String) refused.getFlashMap().get("flashError")).contains("no measure");
        String relationshipPage = page(get("/relationships/" + robin.value())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(relationshipPage).contains("id=\"measures\"").contains("Send a link to answer")
                .doesNotContain(link.substring(link.lastIndexOf('/') + 1));
    }

    @Test
    void theHelperEntersAnswersAndBadOnesAreRefusedOnThePage() throws Exception {
        String url = "/relationships/" + robin.value() + "/measures/rapport-check-in/enter";
        page(get(url)).andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("not a validated instrument")));
        page(post(url).param("item-empathy", "11")).andExpect(status().is(422));
        page(post(url).param("item-empathy", "10")).andExpect(status().is(422));
        page(post(url).param("item-nonsense", "1")).andExpect(status().is(422));
        page(post(url).param("session", "not-a-uuid").param("item-empathy", "1")).andExpect(status().is4xxClientError());
        assertThat(completed()).isZero();
        page(post(url).param("item-empathy", "10").param("item-regard", "10").param("item-congruence", "10")
                .param("item-goal", "9").param("item-task", "9")).andExpect(status().is3xxRedirection());
        assertThat(completed()).isEqualTo(1);
        page(get("/relationships/" + robin.value() + "/measures/ors/enter")).andExpect(status().is4xxClientError());
        page(get("/relationships/" + UUID.randomUUID() + "/measures/phq-9/enter")).andExpect(status().isNotFound());
        String shown = page(get("/relationships/" + robin.value())).andReturn().getResponse().getContentAsString();
        assertThat(shown).contains("48").contains("At or above");
    }

    @Test
    void anotherHelperCannotOpenTheEntryPage() throws Exception {
        Staff lee = riverside.aHelper("Lee Carrow");
        mvc.perform(get("/relationships/" + robin.value() + "/measures/phq-9/enter")
                .with(user(accounts.loadUserByUsername(lee.username())))).andExpect(status().isNotFound());
    }

    // --- the API -------------------------------------------------------------------------------

    @Test
    void theApiListsInstrumentsSendsEntersAndScores() throws Exception {
        api(get("/api/instruments")).andExpect(status().isOk()).andExpect(jsonPath("$[0].key").value("phq-9"));
        api(get("/api/instruments/gad-7")).andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(7));
        api(get("/api/instruments/ors")).andExpect(status().isNotFound());

        String base = "/api/relationships/" + robin.value();
        api(post(base + "/administrations").contentType(MediaType.APPLICATION_JSON).content("{\"instrumentKey\":\"phq-9\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.link").value(org.hamcrest.Matchers.startsWith("/m/")));
        api(post(base + "/administrations").contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isBadRequest());
        api(post(base + "/administrations").contentType(MediaType.APPLICATION_JSON).content("{\"instrumentKey\":\"ors\"}"))
                .andExpect(status().isConflict());
        api(post(base + "/administrations/entered").contentType(MediaType.APPLICATION_JSON)
                .content("{\"instrumentKey\":\"gad-7\",\"answers\":{\"1\":4,\"2\":0,\"3\":0,\"4\":0,\"5\":0,\"6\":0,\"7\":0}}"))
                .andExpect(status().isConflict());
        api(post(base + "/administrations/entered").contentType(MediaType.APPLICATION_JSON)
                .content("{\"instrumentKey\":\"gad-7\",\"answers\":{\"1\":\"lots\"}}")).andExpect(status().isBadRequest());
        api(post(base + "/administrations/entered").contentType(MediaType.APPLICATION_JSON)
                .content("{\"instrumentKey\":\"gad-7\",\"answers\":{\"1\":1,\"2\":1,\"3\":1,\"4\":1,\"5\":1,\"6\":1,\"7\":1},"
                        + "\"sessionId\":\"" + UUID.randomUUID() + "\"}")).andExpect(status().isNotFound());
        assertThat(completed()).isZero();
        api(post(base + "/administrations/entered").contentType(MediaType.APPLICATION_JSON)
                .content("{\"instrumentKey\":\"gad-7\",\"answers\":{\"1\":1,\"2\":1,\"3\":1,\"4\":1,\"5\":1,\"6\":1,\"7\":1}}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.administrationId").isString());
        api(get(base + "/scores")).andExpect(status().isOk()).andExpect(jsonPath("$[0].instrumentKey").value("gad-7"))
                .andExpect(jsonPath("$[0].scores[0].total").value(7.0));

        api(put(base + "/measurement-plan").contentType(MediaType.APPLICATION_JSON)
                .content("{\"entries\":[{\"instrumentKey\":\"phq-9\",\"timing\":\"EVERY_N_SESSIONS\",\"every\":4}]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.entries[0].every").value(4));
        api(put(base + "/measurement-plan").contentType(MediaType.APPLICATION_JSON)
                .content("{\"entries\":[{\"instrumentKey\":\"phq-9\",\"timing\":\"SOMETIMES\"}]}")).andExpect(status().isBadRequest());
        api(put(base + "/measurement-plan").contentType(MediaType.APPLICATION_JSON)
                .content("{\"entries\":[{\"instrumentKey\":\"phq-9\",\"timing\":\"EVERY_N_SESSIONS\",\"every\":1}]}"))
                .andExpect(status().isBadRequest());
        api(get(base + "/measurement-plan")).andExpect(jsonPath("$.entries.length()").value(1));
        api(get("/api/relationships/" + UUID.randomUUID() + "/scores")).andExpect(status().isNotFound());
    }

    private org.springframework.test.web.servlet.ResultActions page(MockHttpServletRequestBuilder request) throws Exception {
        return web.page(ash, request);
    }

    private org.springframework.test.web.servlet.ResultActions api(MockHttpServletRequestBuilder request) throws Exception {
        return web.api(ash, request);
    }

    private String send(String instrument) {
        return riverside.as(ash, () -> measures.send(robin, instrument)).path().substring(3);
    }

    private long completed() {
        return riverside.inScope(() -> jdbc.sql("select count(*) from administration where status = 'COMPLETED'")
                .query(Long.class).single());
    }
}
