package org.rapport.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.alerts.AlertFixtures.aReferral;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.CaseloadEntry;
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
 * An alert raised after a relationship ended (a follow-up's not-on-track alert) still reaches the
 * former helper and their supervisor: above the caseload as a former client needing attention, in
 * the API, and acknowledged the same way. Nobody else sees it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FormerClientsAlertsTests {

    static final String POLICY = "Not on track";
    static final String REASON = "The follow-up PHQ-9 score is a reliable deterioration since the first.";

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired AlertManagement alerts;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;
    @Autowired org.rapport.audit.AuditTrail audit;
    WebClient web;

    AlertFixtures riverside;
    Staff ash;
    Staff bea;
    Staff sol;
    RelationshipId robin;
    RelationshipId current;
    AlertId notOnTrack;

    @BeforeEach
    void raiseAnAlertAfterRobinsRelationshipEnded() {
        web = new WebClient(mvc, accounts);
        riverside = new AlertFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        bea = riverside.aHelper("Bea Lowen");
        sol = riverside.staff("Sol Varga", Role.SUPERVISOR);
        riverside.supervises(sol, ash);
        LocalDate today = LocalDate.now(clock);
        robin = riverside.as(ash, () -> relationships.refer(aReferral("Robin Fairweather", ash, Urgency.ROUTINE, today.minusDays(90))));
        current = riverside.as(ash, () -> relationships.refer(aReferral("Jo Calder", ash, Urgency.ROUTINE, today.minusDays(3))));
        riverside.endTheRelationship(ash, relationships, robin);
        UUID party = riverside.as(ash, () -> relationships.describe(robin).clientPartyId());
        // As a follow-up after the ending would: nobody signed in, inside its own transaction.
        notOnTrack = riverside.inScope(() -> transactions.execute(s ->
                alerts.raise(robin, party, AlertKind.NOT_ON_TRACK, POLICY, REASON, UUID.randomUUID())));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    ResultActions page(Staff who, MockHttpServletRequestBuilder request) throws Exception {
        return web.page(who, request);
    }

    ResultActions api(Staff who, MockHttpServletRequestBuilder request) throws Exception {
        return web.api(who, request);
    }

    @Test
    void listsTheEndedRelationshipAsAFormerClientNeedingAttention() {
        assertThat(riverside.as(ash, () -> relationships.formerClientsNeedingAttention()))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.id()).isEqualTo(robin);
                    assertThat(entry.alerts()).containsExactly("Not on track");
                });
        assertThat(riverside.as(sol, () -> relationships.formerClientsNeedingAttention()))
                .extracting(CaseloadEntry::id).containsExactly(robin);
        assertThat(riverside.as(bea, () -> relationships.formerClientsNeedingAttention())).isEmpty();
        // The caseload itself still leaves ended relationships out unless asked.
        assertThat(riverside.as(ash, () -> relationships.caseload(false))).extracting(CaseloadEntry::id).containsExactly(current);
    }

    @Test
    void showsFormerClientsAboveTheCaseload() throws Exception {
        String html = page(ash, get("/caseload")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Former clients needing attention")))
                .andExpect(content().string(Matchers.containsString("/relationships/" + robin.value() + "#alerts")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html.indexOf("Former clients needing attention")).isLessThan(html.indexOf("id=\"caseload\""));
        assertThat(html.indexOf("Robin Fairweather")).isLessThan(html.indexOf("Jo Calder"));

        page(bea, get("/caseload")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("Former clients needing attention"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Robin Fairweather"))));
    }

    @Test
    void closingAcknowledgesTheLapsingAndReviewOverdueAlertsItAnswersButNeverRiskNotOnTrackOrAllianceSlipping() {
        UUID party = riverside.as(ash, () -> relationships.describe(current).clientPartyId());
        for (AlertKind kind : AlertKind.values()) {
            riverside.inScope(() -> transactions.execute(s -> alerts.raise(current, party, kind, kind.label(), REASON, null)));
        }
        LocalDate today = LocalDate.now(clock);
        riverside.run(ash, () -> relationships.end(current, relationships.describe(current).version(), today, false,
                "dropped-out", "Dropped out"));

        String note = "The relationship was closed on " + java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy",
                java.util.Locale.UK).format(today) + " (unplanned: Dropped out)";
        var byKind = new java.util.EnumMap<AlertKind, AlertView>(AlertKind.class);
        riverside.as(ash, () -> alerts.alertsOf(current)).forEach(a -> byKind.put(a.kind(), a));
        for (AlertKind answered : java.util.List.of(AlertKind.LAPSING, AlertKind.REVIEW_OVERDUE)) {
            assertThat(byKind.get(answered)).satisfies(a -> {
                assertThat(a.acknowledged()).isTrue();
                assertThat(a.whatWasDone()).isEqualTo(note);
                assertThat(a.acknowledgedByName()).isEqualTo("Ash Marlow");
            });
        }
        for (AlertKind open : java.util.List.of(AlertKind.RISK, AlertKind.NOT_ON_TRACK, AlertKind.ALLIANCE_SLIPPING)) {
            assertThat(byKind.get(open).acknowledged()).as(open.label()).isFalse();
        }
        assertThat(riverside.as(ash, () -> relationships.formerClientsNeedingAttention()))
                .filteredOn(e -> e.id().equals(current)).singleElement()
                .satisfies(e -> assertThat(e.alerts()).containsExactly("Risk item endorsed", "Not on track", "Alliance slipping"));
        assertThat(riverside.inScope(() -> audit.forClient(party, 0)).entries())
                .filteredOn(e -> e.detail().contains("answered by the closing")).extracting(e -> e.detail())
                .containsExactlyInAnyOrder("acknowledged an alert: Lapsing (answered by the closing of the relationship)",
                        "acknowledged an alert: Agreement review overdue (answered by the closing of the relationship)");
    }

    @Test
    void aClosedRelationshipWithOnlyALapsingAlertIsNoFormerClientNeedingAttention() {
        UUID party = riverside.as(ash, () -> relationships.describe(current).clientPartyId());
        riverside.inScope(() -> transactions.execute(s -> alerts.raise(current, party, AlertKind.LAPSING, "Lapsing", REASON, null)));
        riverside.endTheRelationship(ash, relationships, current);

        assertThat(riverside.as(ash, () -> relationships.formerClientsNeedingAttention())).extracting(CaseloadEntry::id)
                .containsExactly(robin);
        assertThat(riverside.as(ash, () -> alerts.alertsOf(current))).singleElement()
                .satisfies(a -> assertThat(a.whatWasDone()).endsWith("(planned: goals-met)"));
    }

    @Test
    void saysNoOpenRelationshipsUnderFormerClientsWhenNoneAreOpen() throws Exception {
        riverside.endTheRelationship(ash, relationships, current);

        page(ash, get("/caseload")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Former clients needing attention")))
                .andExpect(content().string(Matchers.containsString("No open relationships.")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("No relationships yet"))));
        page(bea, get("/caseload")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("No relationships yet")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("No open relationships."))));
    }

    @Test
    void showsTheAlertWithItsAcknowledgeFormOnTheEndedRelationshipsPage() throws Exception {
        page(ash, get("/relationships/" + robin.value())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(REASON)))
                .andExpect(content().string(Matchers.containsString(">Acknowledge</button>")));
    }

    @Test
    void listsTheAlertInTheApi() throws Exception {
        api(ash, get("/api/alerts")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + notOnTrack.value() + "')].kind").value("NOT_ON_TRACK"));
        api(ash, get("/api/caseload/former-clients")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(robin.value().toString()))
                .andExpect(jsonPath("$[0].status").value("ENDED"))
                .andExpect(jsonPath("$[0].alerts[0]").value("Not on track"));
        api(bea, get("/api/caseload/former-clients")).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        api(bea, get("/api/alerts")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(notOnTrack.value().toString()))));
    }

    @Test
    void theFormerHelperAcknowledgesOnThePageAndTheListEmpties() throws Exception {
        page(ash, post("/alerts/" + notOnTrack.value() + "/acknowledgement").param("version", "0")
                .param("whatWasDone", "Wrote to Robin offering a new referral.").param("relationship", robin.value().toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/relationships/" + robin.value() + "#alerts"));

        assertThat(riverside.as(ash, () -> relationships.formerClientsNeedingAttention())).isEmpty();
        page(ash, get("/caseload")).andExpect(content().string(Matchers.not(Matchers.containsString("Former clients needing attention"))));
    }

    @Test
    void theSupervisorAcknowledgesThroughTheApiAndBadInputLeavesItOpen() throws Exception {
        api(sol, post("/api/alerts/" + notOnTrack.value() + "/acknowledgement").contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 0, \"whatWasDone\": \"\"}")).andExpect(status().isBadRequest());
        api(bea, post("/api/alerts/" + notOnTrack.value() + "/acknowledgement").contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 0, \"whatWasDone\": \"Not my client.\"}")).andExpect(status().isNotFound());
        api(sol, post("/api/alerts/" + notOnTrack.value() + "/acknowledgement").contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 3, \"whatWasDone\": \"Discussed with Ash in supervision.\"}"))
                .andExpect(status().isConflict());
        assertThat(riverside.as(ash, () -> relationships.formerClientsNeedingAttention())).hasSize(1);

        api(sol, post("/api/alerts/" + notOnTrack.value() + "/acknowledgement").contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 0, \"whatWasDone\": \"Discussed with Ash in supervision.\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        assertThat(riverside.as(ash, () -> relationships.formerClientsNeedingAttention())).isEmpty();
    }
}
