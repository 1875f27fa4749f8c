package org.rapport.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.alerts.AlertFixtures.RISK_POLICY;
import static org.rapport.alerts.AlertFixtures.RISK_REASON;
import static org.rapport.alerts.AlertFixtures.aReferral;
import static org.rapport.alerts.AlertFixtures.anAdministration;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapport.accounts.AccountManagement;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.Urgency;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The alerts panel, acknowledging from the page, and the HTTP API, each sent bad input: a plain
 * message (after the redirect back, or as a problem), never a 500, and the alert left open.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AlertsWebTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired AlertManagement alerts;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;
    WebClient web;

    AlertFixtures riverside;
    Staff ash;
    RelationshipId robin;
    AlertId risk;

    @BeforeEach
    void raiseARiskAlertAboutRobin() {
        web = new WebClient(mvc, accounts);
        riverside = new AlertFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        robin = riverside.as(ash, () -> relationships.refer(aReferral("Robin Fairweather", ash, Urgency.ROUTINE,
                LocalDate.now(clock).minusDays(7))));
        UUID party = riverside.as(ash, () -> relationships.describe(robin).clientPartyId());
        risk = riverside.inScope(() -> transactions.execute(s ->
                alerts.raise(robin, party, AlertKind.RISK, RISK_POLICY, RISK_REASON, anAdministration())));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    AlertView theAlert() {
        return riverside.as(ash, () -> alerts.alertsOf(robin)).get(0);
    }

    ResultActions page(Staff who, MockHttpServletRequestBuilder request) throws Exception {
        return web.page(who, request);
    }

    ResultActions acknowledgeOnPage(UUID alert, String version, String whatWasDone) throws Exception {
        return page(ash, post("/alerts/" + alert + "/acknowledgement").param("version", version)
                .param("whatWasDone", whatWasDone).param("relationship", robin.value().toString()));
    }

    ResultActions api(Staff who, MockHttpServletRequestBuilder request) throws Exception {
        return web.api(who, request);
    }

    ResultActions acknowledgeByApi(UUID alert, String json) throws Exception {
        return api(ash, post("/api/alerts/" + alert + "/acknowledgement").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void showsOpenAlertsWithAnAcknowledgeFormOnTheRelationshipPage() throws Exception {
        page(ash, get("/relationships/" + robin.value())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"alerts\"")))
                .andExpect(content().string(Matchers.containsString(RISK_REASON)))
                .andExpect(content().string(Matchers.containsString("What you did")))
                .andExpect(content().string(Matchers.containsString(">Acknowledge</button>")));
    }

    @Test
    void showsTheAlertAsABadgeOnTheCaseload() throws Exception {
        page(ash, get("/caseload")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("badge overdue alert\">Risk item endorsed<")));
    }

    @Test
    void acknowledgesFromThePageAndShowsWhoAndWhat() throws Exception {
        acknowledgeOnPage(risk.value(), "0", "Phoned Robin the same day; safety plan agreed.")
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/relationships/" + robin.value() + "#alerts"))
                .andExpect(flash().attribute("flash", "Alert acknowledged."));

        assertThat(theAlert().acknowledged()).isTrue();
        page(ash, get("/relationships/" + robin.value())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("acknowledged by Ash Marlow")))
                .andExpect(content().string(Matchers.containsString("What was done: Phoned Robin the same day; safety plan agreed.")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(">Acknowledge</button>"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ok"})
    void refusesOnThePageWithoutWhatWasDone(String whatWasDone) throws Exception {
        acknowledgeOnPage(risk.value(), "0", whatWasDone).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", Matchers.containsString("what you did")));
        assertThat(theAlert().acknowledged()).isFalse();
    }

    @Test
    void refusesOnThePageWhatWasDoneOverTwoThousandCharacters() throws Exception {
        acknowledgeOnPage(risk.value(), "0", "x".repeat(2001)).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", Matchers.containsString("2000 characters")));
        assertThat(theAlert().acknowledged()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "seven", ""})
    void refusesOnThePageAStaleOrMissingVersion(String version) throws Exception {
        acknowledgeOnPage(risk.value(), version, "Phoned Robin.").andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", Matchers.notNullValue()));
        assertThat(theAlert().acknowledged()).isFalse();
    }

    @Test
    void refusesOnThePageASecondAcknowledgement() throws Exception {
        acknowledgeOnPage(risk.value(), "0", "Phoned Robin.").andExpect(status().is3xxRedirection());
        acknowledgeOnPage(risk.value(), "1", "Phoned Robin again.").andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", Matchers.containsString("already acknowledged by Ash Marlow")));
        assertThat(theAlert().whatWasDone()).isEqualTo("Phoned Robin.");
    }

    @Test
    void answersNotFoundOnThePageForUnknownForeignAndMalformedAlerts() throws Exception {
        acknowledgeOnPage(UUID.randomUUID(), "0", "Phoned Robin.").andExpect(status().isNotFound());
        page(ash, post("/alerts/not-an-id/acknowledgement").param("version", "0").param("whatWasDone", "Phoned Robin."))
                .andExpect(status().isNotFound());
        Staff bo = riverside.aHelper("Bo Lindqvist");
        page(bo, post("/alerts/" + risk.value() + "/acknowledgement").param("version", "0")
                .param("whatWasDone", "Looked into it.").param("relationship", robin.value().toString()))
                .andExpect(status().isNotFound());
        AlertFixtures hillside = new AlertFixtures(accounts, people, "Hillside Support");
        Staff hal = hillside.anAdmin("Hal Penrose");
        page(hal, post("/alerts/" + risk.value() + "/acknowledgement").param("version", "0")
                .param("whatWasDone", "Looked into it.")).andExpect(status().isNotFound());
        assertThat(theAlert().acknowledged()).isFalse();
    }

    @Test
    void listsMyOpenAlertsAndARelationshipsAlertsInTheApi() throws Exception {
        api(ash, get("/api/alerts")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(risk.value().toString()))
                .andExpect(jsonPath("$[0].relationship").value(robin.value().toString()))
                .andExpect(jsonPath("$[0].kind").value("RISK"))
                .andExpect(jsonPath("$[0].reason").value(RISK_REASON))
                .andExpect(jsonPath("$[0].acknowledged").value(false))
                .andExpect(jsonPath("$[0].version").value(0));
        api(ash, get("/api/relationships/" + robin.value() + "/alerts")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
        Staff bo = riverside.aHelper("Bo Lindqvist");
        api(bo, get("/api/alerts")).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        api(bo, get("/api/relationships/" + robin.value() + "/alerts")).andExpect(status().isNotFound());
    }

    @Test
    void acknowledgesInTheApi() throws Exception {
        acknowledgeByApi(risk.value(), "{\"whatWasDone\": \"Phoned Robin the same day.\", \"version\": 0}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        assertThat(theAlert().acknowledgedByName()).isEqualTo("Ash Marlow");
        api(ash, get("/api/alerts")).andExpect(jsonPath("$.length()").value(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"version\": 0}",
            "{\"whatWasDone\": \"\", \"version\": 0}",
            "{\"whatWasDone\": \"   \", \"version\": 0}",
            "{\"whatWasDone\": \"ok\", \"version\": 0}",
            "{\"whatWasDone\": \"Phoned Robin.\"}",
            "{\"whatWasDone\": \"Phoned Robin.\", \"version\": \"seven\"}",
            "{\"whatWasDone\": 42, \"version\": [0]}",
            "not json"})
    void refusesBadInputInTheApi(String json) throws Exception {
        acknowledgeByApi(risk.value(), json).andExpect(status().isBadRequest());
        assertThat(theAlert().acknowledged()).isFalse();
    }

    @Test
    void refusesOverLongWhatWasDoneInTheApi() throws Exception {
        acknowledgeByApi(risk.value(), "{\"whatWasDone\": \"" + "x".repeat(2001) + "\", \"version\": 0}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors").exists());
        assertThat(theAlert().acknowledged()).isFalse();
    }

    @Test
    void refusesAStaleVersionAndASecondAcknowledgementInTheApi() throws Exception {
        acknowledgeByApi(risk.value(), "{\"whatWasDone\": \"Phoned Robin.\", \"version\": 4}").andExpect(status().isConflict());
        assertThat(theAlert().acknowledged()).isFalse();
        acknowledgeByApi(risk.value(), "{\"whatWasDone\": \"Phoned Robin.\", \"version\": 0}").andExpect(status().isOk());
        acknowledgeByApi(risk.value(), "{\"whatWasDone\": \"Phoned Robin again.\", \"version\": 1}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("already acknowledged")));
        assertThat(theAlert().whatWasDone()).isEqualTo("Phoned Robin.");
    }

    @Test
    void answersNotFoundInTheApiForUnknownAndForeignAlerts() throws Exception {
        acknowledgeByApi(UUID.randomUUID(), "{\"whatWasDone\": \"Phoned Robin.\", \"version\": 0}").andExpect(status().isNotFound());
        AlertFixtures hillside = new AlertFixtures(accounts, people, "Hillside Support");
        Staff hal = hillside.anAdmin("Hal Penrose");
        api(hal, post("/api/alerts/" + risk.value() + "/acknowledgement").contentType(MediaType.APPLICATION_JSON)
                .content("{\"whatWasDone\": \"Looked into it.\", \"version\": 0}")).andExpect(status().isNotFound());
        api(hal, get("/api/relationships/" + robin.value() + "/alerts")).andExpect(status().isNotFound());
        assertThat(theAlert().acknowledged()).isFalse();
    }
}
