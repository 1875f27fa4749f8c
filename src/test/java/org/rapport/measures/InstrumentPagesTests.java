package org.rapport.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.rapport.measures.MeasureFixtures.aReferral;
import static org.rapport.measures.MeasureFixtures.ownInstrument;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The instrument admin pages, POST /api/instruments and the measurement plan page, sent what a
 * careless hand or a curious one might send: a plain message naming the line and field, nothing
 * stored, and no way in for anyone but an admin.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InstrumentPagesTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired MeasureManagement measures;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    WebClient web;

    MeasureFixtures riverside;
    Staff sam;
    Staff ash;

    @BeforeEach
    void anAdminAndAHelper() {
        web = new WebClient(mvc, accounts);
        riverside = new MeasureFixtures(accounts, people, "Riverside Counselling");
        sam = riverside.anAdmin("Sam Okafor");
        ash = riverside.aHelper("Ash Marlow");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    // --- admin pages ---------------------------------------------------------------------------

    @Test
    void theAdminListsShippedAndOwnInstrumentsWithTheirLicence() throws Exception {
        page(sam, post("/admin/instruments").param("definition", ownInstrument("wellbeing-pair")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/instruments/wellbeing-pair"));

        String list = page(sam, get("/admin/instruments")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("Patient Health Questionnaire (PHQ-9)", "Made-up wellbeing pair (not a validated instrument)",
                "wellbeing-pair", "Your own", "Comes with Rapport", "Written for Rapport&#39;s tests.",
                "Load only instruments your organisation holds a licence for");
        page(sam, get("/admin/instruments/wellbeing-pair")).andExpect(status().isOk())
                .andExpect(content().string(containsString("I have felt on edge.")))
                .andExpect(content().string(containsString("Every day (3)")))
                .andExpect(content().string(containsString("High")));
        page(sam, get("/admin/instruments/phq-9")).andExpect(status().isOk());
        page(sam, get("/admin/instruments/no-such-thing")).andExpect(status().isNotFound());
        page(sam, get("/admin/instruments/new")).andExpect(status().isOk())
                .andExpect(content().string(containsString("holds a licence for")));
        page(sam, get("/admin/instruments/example.yaml")).andExpect(status().isOk())
                .andExpect(content().string(containsString("key: two-questions")));
    }

    @Test
    void anOwnInstrumentsShortNameNamesItInThePlanAndOnItsPage() throws Exception {
        String named = ownInstrument("wellbeing-pair").replace("name: Made-up wellbeing pair\n",
                "name: Made-up wellbeing pair\nshort-name: WB-2\n");
        page(sam, post("/admin/instruments").param("definition", named)).andExpect(status().is3xxRedirection());
        page(sam, get("/admin/instruments/wellbeing-pair")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<span>WB-2</span>")));
        page(sam, get("/admin/instruments/gad-7")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<span>GAD-7</span>")));

        RelationshipId robin = aRelationship();
        riverside.run(ash, () -> measures.setPlan(robin, List.of(new PlanEntry("wellbeing-pair", PlanTiming.EVERY_SESSION, null))));
        page(ash, get("/relationships/" + robin.value())).andExpect(status().isOk())
                .andExpect(content().string(containsString("WB-2 every session")));
    }

    @Test
    void anOverLongShortNameIsRefusedWithItsFieldOnThePageAndInTheApi() throws Exception {
        String tooLong = ownInstrument("wellbeing-pair").replace("name: Made-up wellbeing pair\n",
                "name: Made-up wellbeing pair\nshort-name: Wellbeing pair, made up\n");
        page(sam, post("/admin/instruments").param("definition", tooLong))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("nothing was stored")))
                .andExpect(content().string(containsString("<code>short-name</code>")))
                .andExpect(content().string(containsString("this can be at most 20 characters; it has 23")));
        api(sam, post("/api/instruments").contentType("application/yaml").content(tooLong))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("short-name"))
                .andExpect(jsonPath("$.errors[0].message").value("this can be at most 20 characters; it has 23"));
        assertThat(ownRows()).isZero();
    }

    @Test
    void theExampleOnTheAddPageIsAValidDefinition() throws Exception {
        String example = page(sam, get("/admin/instruments/example.yaml")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(InstrumentFormat.parse(example).key()).isEqualTo("two-questions");
    }

    @Test
    void aHelperCannotReachTheAdminPages() throws Exception {
        page(ash, get("/admin/instruments")).andExpect(status().isForbidden());
        page(ash, get("/admin/instruments/new")).andExpect(status().isForbidden());
        page(ash, post("/admin/instruments").param("definition", ownInstrument("wellbeing-pair")))
                .andExpect(status().isForbidden());
        assertThat(ownRows()).isZero();
    }

    @Test
    void aMalformedDefinitionIsShownWithItsProblemsByLineAndField() throws Exception {
        String broken = ownInstrument("wellbeing-pair").replace("licence: Written for Rapport's tests.\n", "");
        page(sam, post("/admin/instruments").param("definition", broken))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("nothing was stored")))
                .andExpect(content().string(containsString("<strong>Line 1</strong>")))
                .andExpect(content().string(containsString("<code>licence</code>")))
                .andExpect(content().string(containsString("&#39;licence&#39; is missing")))
                // The text comes back in the box to be corrected.
                .andExpect(content().string(containsString("name: Made-up wellbeing pair")));
        assertThat(ownRows()).isZero();
    }

    @Test
    void refusesAnEmptyFormBothBoxAndFileAClashAndAWordDocument() throws Exception {
        page(sam, post("/admin/instruments").param("definition", "  "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Paste a definition into the box")));
        var file = new MockMultipartFile("file", "pair.yaml", "application/yaml", ownInstrument("wellbeing-pair").getBytes());
        page(sam, multipart("/admin/instruments").file(file).param("definition", ownInstrument("other")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("not both")));
        var word = new MockMultipartFile("file", "pair.docx", "application/octet-stream", new byte[] {1, 2, 3});
        page(sam, multipart("/admin/instruments").file(word))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString(".yaml, .yml or .txt")));
        page(sam, post("/admin/instruments").param("definition", ownInstrument("gad-7")))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("ships with Rapport")));
        assertThat(ownRows()).isZero();
    }

    @Test
    void anUploadedFileIsAddedAndAnOversizedOneRefused() throws Exception {
        var file = new MockMultipartFile("file", "pair.yaml", "application/yaml",
                ownInstrument("wellbeing-pair").getBytes(StandardCharsets.UTF_8));
        page(sam, multipart("/admin/instruments").file(file)).andExpect(redirectedUrl("/admin/instruments/wellbeing-pair"));

        byte[] big = ("# " + "x".repeat(InstrumentFormat.MAX_BYTES) + "\n" + ownInstrument("big-one"))
                .getBytes(StandardCharsets.UTF_8);
        page(sam, multipart("/admin/instruments").file(new MockMultipartFile("file", "big.yaml", "application/yaml", big)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("larger than 200 kB")));
        assertThat(ownRows()).isEqualTo(1);
    }

    // --- the HTTP API ------------------------------------------------------------------------

    @Test
    void theApiAddsYamlOrJsonAndListsTheOwnInstrument() throws Exception {
        api(sam, post("/api/instruments").contentType("application/yaml").content(ownInstrument("wellbeing-pair")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/api/instruments/wellbeing-pair")))
                .andExpect(jsonPath("$.shipped").value(false));
        api(sam, post("/api/instruments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"definition\": " + json(ownInstrument("second-pair")) + "}"))
                .andExpect(status().isCreated());

        api(ash, get("/api/instruments")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].key").value("phq-9"))
                .andExpect(jsonPath("$[0].shipped").value(true))
                .andExpect(jsonPath("$[?(@.key == 'wellbeing-pair')].shipped").value(false))
                .andExpect(jsonPath("$.length()").value(6));
        api(ash, get("/api/instruments/second-pair")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2));
    }

    @Test
    void theApiRefusesNonAdminsInvalidOversizedAndClashingDefinitions() throws Exception {
        api(ash, post("/api/instruments").contentType("application/yaml").content(ownInstrument("wellbeing-pair")))
                .andExpect(status().isForbidden());

        String broken = ownInstrument("wellbeing-pair").replace("answers: how-often }\n  - { link-id: b",
                "answers: sometimes }\n  - { link-id: b");
        api(sam, post("/api/instruments").contentType("application/yaml").content(broken))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Not a valid instrument definition"))
                .andExpect(jsonPath("$.errors[0].line").value(16))
                .andExpect(jsonPath("$.errors[0].field").value("items[0].answers"))
                .andExpect(jsonPath("$.errors[0].message", containsString("sometimes")));
        api(sam, post("/api/instruments").contentType(MediaType.APPLICATION_JSON).content("{\"definition\": \"key: [\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].line").value(1));
        api(sam, post("/api/instruments").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());

        String big = "# " + "x".repeat(InstrumentFormat.MAX_BYTES) + "\n" + ownInstrument("big-one");
        api(sam, post("/api/instruments").contentType("application/yaml").content(big))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message", containsString("larger than 200 kB")));
        api(sam, post("/api/instruments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"definition\": " + json(big) + "}"))
                .andExpect(status().isUnprocessableContent());

        api(sam, post("/api/instruments").contentType("application/yaml").content(ownInstrument("phq-9")))
                .andExpect(status().isConflict());
        assertThat(ownRows()).isZero();
    }

    // --- the measurement plan page -------------------------------------------------------------

    @Test
    void theHelperSavesAPlanAndThePanelShowsItInOneLine() throws Exception {
        RelationshipId robin = aRelationship();
        page(ash, get("/relationships/" + robin.value() + "/measurement-plan")).andExpect(status().isOk())
                .andExpect(content().string(containsString("No measures planned")))
                .andExpect(content().string(containsString("id=\"include-phq-9\"")));

        page(ash, post("/relationships/" + robin.value() + "/measurement-plan")
                .param("include", "phq-9", "rapport-check-in")
                .param("timing-phq-9", "EVERY_SESSION").param("every-phq-9", "")
                .param("timing-gad-7", "EVERY_N_SESSIONS").param("every-gad-7", "")
                .param("timing-rapport-check-in", "EVERY_N_SESSIONS").param("every-rapport-check-in", "4"))
                .andExpect(redirectedUrl("/relationships/" + robin.value() + "#measures"));

        assertThat(riverside.as(ash, () -> measures.planOf(robin))).containsExactly(
                new PlanEntry("phq-9", PlanTiming.EVERY_SESSION, null),
                new PlanEntry("rapport-check-in", PlanTiming.EVERY_N_SESSIONS, 4));
        page(ash, get("/relationships/" + robin.value())).andExpect(status().isOk())
                .andExpect(content().string(containsString("PHQ-9 every session; Check-in every 4 sessions")))
                .andExpect(content().string(containsString("/relationships/" + robin.value() + "/measurement-plan")));
    }

    @Test
    void thePlanPageRefusesBadInputAndStoresNothing() throws Exception {
        RelationshipId robin = aRelationship();
        riverside.run(ash, () -> measures.setPlan(robin, List.of(new PlanEntry("phq-9", PlanTiming.EVERY_SESSION, null))));
        String path = "/relationships/" + robin.value() + "/measurement-plan";

        page(ash, post(path).param("include", "no-such-measure").param("timing-no-such-measure", "EVERY_SESSION"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("There is no measure called")));
        page(ash, post(path).param("include", "gad-7").param("timing-gad-7", "EVERY_N_SESSIONS").param("every-gad-7", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("how many sessions apart")));
        page(ash, post(path).param("include", "gad-7").param("timing-gad-7", "EVERY_N_SESSIONS").param("every-gad-7", "1"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("from 2 to 52")))
                // What was sent stays on the page.
                .andExpect(content().string(containsString("value=\"1\"")));
        page(ash, post(path).param("include", "gad-7").param("timing-gad-7", "EVERY_N_SESSIONS").param("every-gad-7", "three"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("whole number")));
        page(ash, post(path).param("include", "gad-7").param("timing-gad-7", "WHENEVER"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("needs when it is given")));
        String[] many = new String[21];
        for (int i = 0; i < many.length; i++) many[i] = "phq-9";
        page(ash, post(path).param("include", many).param("timing-phq-9", "EVERY_SESSION"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("at most 20 measures")));
        page(ash, post(path).param("include", "gad-7", "gad-7").param("timing-gad-7", "EVERY_SESSION"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("twice")));

        assertThat(riverside.as(ash, () -> measures.planOf(robin)))
                .containsExactly(new PlanEntry("phq-9", PlanTiming.EVERY_SESSION, null));
    }

    @Test
    void aSupervisorReadsThePlanButCannotChangeIt() throws Exception {
        RelationshipId robin = aRelationship();
        Staff jo = riverside.staff("Jo Penhale", org.rapport.accounts.Role.SUPERVISOR);
        riverside.supervises(jo, ash);
        String path = "/relationships/" + robin.value() + "/measurement-plan";
        page(jo, get(path)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Save the plan"))));
        page(jo, post(path).param("include", "phq-9").param("timing-phq-9", "EVERY_SESSION"))
                .andExpect(status().isForbidden());
        assertThat(riverside.as(ash, () -> measures.planOf(robin))).isEmpty();
    }

    @Test
    void anotherOrganisationsRelationshipIsNotFound() throws Exception {
        RelationshipId robin = aRelationship();
        MeasureFixtures hillside = new MeasureFixtures(accounts, people, "Hillside Counselling");
        Staff lee = hillside.aHelper("Lee Marsh");
        page(lee, get("/relationships/" + robin.value() + "/measurement-plan")).andExpect(status().isNotFound());
        page(lee, post("/relationships/" + robin.value() + "/measurement-plan").param("include", "phq-9")
                .param("timing-phq-9", "EVERY_SESSION")).andExpect(status().isNotFound());
    }

    private RelationshipId aRelationship() {
        return riverside.as(ash, () -> relationships.refer(aReferral("Robin Fairweather", ash, LocalDate.now(clock).minusWeeks(2))));
    }

    private <B extends AbstractMockHttpServletRequestBuilder<B>> ResultActions page(Staff who, B request) throws Exception {
        return web.page(who, request);
    }

    private ResultActions api(Staff who, MockHttpServletRequestBuilder request) throws Exception {
        return web.api(who, request);
    }

    private long ownRows() {
        return riverside.inScope(() -> jdbc.sql("select count(*) from own_instrument").query(Long.class).single());
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
