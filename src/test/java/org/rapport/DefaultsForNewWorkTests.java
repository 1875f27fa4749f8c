package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What an organisation's new work starts with, as its admin chooses: the process model a referral
 * follows unless another is chosen, and the measurement plan each new relationship starts with.
 * Relationships already under way keep their own; only admins choose; a bad choice is refused whole.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DefaultsForNewWorkTests {

    static final String PLAN = """
            {"entries": [{"instrumentKey": "phq-9", "timing": "EVERY_N_SESSIONS", "every": 4},
                         {"instrumentKey": "gad-7", "timing": "FIRST_SESSION"}]}""";

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;

    WebClient web;
    TestOrganisation riverside;
    Staff admin;
    Staff ash;

    @BeforeEach
    void anOrganisation() {
        web = new WebClient(mvc, accounts);
        riverside = new TestOrganisation(accounts, people, "Riverside Counselling");
        admin = riverside.anAdmin("Alex Ward");
        ash = riverside.aHelper("Ash Marlow");
    }

    @Test
    void aReferralWithoutAModelFollowsTheOrganisationsDefault() throws Exception {
        web.checkedApi(ash, get("/api/process-models/default")).andExpect(jsonPath("$.key").value("five-stage"));
        assertThat(modelOf(refer(null))).as("Rapport's own default").isEqualTo("five-stage");

        web.checkedApi(admin, put("/api/process-models/default").contentType(MediaType.APPLICATION_JSON)
                .content("{\"key\": \"peplau-nurse-client\"}")).andExpect(status().isOk());
        assertThat(modelOf(refer(null))).isEqualTo("peplau-nurse-client");
        assertThat(modelOf(refer("hill-helping-model"))).as("a model chosen still wins").isEqualTo("hill-helping-model");

        Document form = Jsoup.parse(web.checkedPage(ash, get("/referrals/new")).getResponse().getContentAsString());
        assertThat(form.select("#processModelKey option[selected]").val()).isEqualTo("peplau-nurse-client");
        Document list = Jsoup.parse(web.checkedPage(admin, get("/admin/process-models")).getResponse().getContentAsString());
        assertThat(list.text()).contains("The default").contains("Make Five-stage helping process the default");
    }

    @Test
    void onlyAnAdminChoosesTheDefaultModelAndOnlyOneThatExists() throws Exception {
        WebClient.isProblem(web.checkedApi(ash, put("/api/process-models/default").contentType(MediaType.APPLICATION_JSON)
                .content("{\"key\": \"peplau-nurse-client\"}")), 403);
        WebClient.isProblem(web.checkedApi(admin, put("/api/process-models/default").contentType(MediaType.APPLICATION_JSON)
                .content("{\"key\": \"no-such-model\"}")), 409);
        WebClient.isProblem(web.checkedApi(admin, put("/api/process-models/default").contentType(MediaType.APPLICATION_JSON)
                .content("{}")), 400);
        var refused = web.checkedPage(admin, post("/admin/process-models/default").param("key", "no-such-model"));
        assertThat(refused.getFlashMap().get("flashError")).asString().contains("no process model 'no-such-model'");
        assertThat(web.page(ash, post("/admin/process-models/default").param("key", "five-stage")).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        web.checkedApi(ash, get("/api/process-models/default")).andExpect(jsonPath("$.key").value("five-stage"));
    }

    @Test
    void newRelationshipsStartWithTheOrganisationsMeasurementPlan() throws Exception {
        String before = refer(null);
        web.checkedApi(ash, get("/api/organisation/measurement-plan")).andExpect(jsonPath("$.entries").isEmpty());

        web.checkedApi(admin, put("/api/organisation/measurement-plan").contentType(MediaType.APPLICATION_JSON).content(PLAN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.entries.length()").value(2));
        String after = refer(null);

        web.checkedApi(ash, get("/api/relationships/" + after + "/measurement-plan"))
                .andExpect(jsonPath("$.entries[?(@.instrumentKey == 'phq-9')].every").value(4))
                .andExpect(jsonPath("$.entries[?(@.instrumentKey == 'gad-7')].timing").value("FIRST_SESSION"));
        web.checkedApi(ash, get("/api/relationships/" + before + "/measurement-plan"))
                .andExpect(jsonPath("$.entries").isEmpty());
    }

    @Test
    void onlyAnAdminChangesThePlanForNewWorkAndABadPlanIsRefusedWhole() throws Exception {
        WebClient.isProblem(web.checkedApi(ash, put("/api/organisation/measurement-plan")
                .contentType(MediaType.APPLICATION_JSON).content(PLAN)), 403);
        WebClient.isProblem(web.checkedApi(admin, put("/api/organisation/measurement-plan").contentType(MediaType.APPLICATION_JSON)
                .content("{\"entries\": [{\"instrumentKey\": \"phq-9\", \"timing\": \"EVERY_SESSION\"},"
                        + " {\"instrumentKey\": \"no-such-measure\", \"timing\": \"EVERY_SESSION\"}]}")), 409);
        WebClient.isProblem(web.checkedApi(admin, put("/api/organisation/measurement-plan").contentType(MediaType.APPLICATION_JSON)
                .content("{\"entries\": [{\"instrumentKey\": \"phq-9\", \"timing\": \"SOMETIMES\"}]}")), 400);
        web.checkedApi(admin, get("/api/organisation/measurement-plan")).andExpect(jsonPath("$.entries").isEmpty());

        var page = web.checkedPage(admin, post("/admin/measurement-plan").param("include", "phq-9")
                .param("timing-phq-9", "EVERY_N_SESSIONS").param("every-phq-9", "1"));
        assertThat(page.getResponse().getStatus()).isEqualTo(422);
        Document shown = Jsoup.parse(page.getResponse().getContentAsString());
        assertThat(shown.select("#problem").text()).contains("from 2 to 52");
        assertThat(shown.select("#include-phq-9").hasAttr("checked")).as("what was typed stays").isTrue();
        assertThat(shown.select("#every-phq-9").val()).isEqualTo("1");
        assertThat(web.page(ash, get("/admin/measurement-plan")).andReturn().getResponse().getStatus()).isEqualTo(403);

        var saved = web.checkedPage(admin, post("/admin/measurement-plan").param("include", "phq-9")
                .param("timing-phq-9", "EVERY_SESSION"));
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/measurement-plan");
        assertThat(web.shown(admin, saved).select("#plan-now").text()).isEqualTo("PHQ-9 every session");
    }

    private String refer(String model) throws Exception {
        String body = """
                {"submissionId": "%s", "clientParty": {"kind": "PERSON", "name": "Rowan Hale", "members": [{"name": "Rowan Hale"}]},
                 "source": "GP", "reason": "Low mood", "referredOn": "%s", "urgency": "ROUTINE", "leadHelperId": "%s" %s}"""
                .formatted(UUID.randomUUID(), LocalDate.now().minusDays(1), ash.helper().value(),
                        model == null ? "" : ", \"processModel\": \"" + model + "\"");
        String created = web.checkedApi(ash, post("/api/referrals").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(created, "$.id");
    }

    private String modelOf(String relationship) throws Exception {
        return JsonPath.read(web.checkedApi(ash, get("/api/relationships/" + relationship)).andReturn().getResponse()
                .getContentAsString(), "$.model.key");
    }
}
