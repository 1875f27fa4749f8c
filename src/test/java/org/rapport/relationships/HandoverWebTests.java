package org.rapport.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.hamcrest.Matchers.hasItem;
import static org.rapport.relationships.RelationshipFixtures.aReferral;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.people.PeopleManagement;
import org.rapport.sessions.NewSession;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionOutcome;
import org.rapport.sessions.SessionRecord;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The handover form and the handover API, with bad input and good: every refusal is a plain
 * message (a form shown again, or a problem response) and nothing is stored; a good handover
 * answers 201 with its Location, and the new helper's confirmation and the client's acceptance
 * complete it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HandoverWebTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    WebClient web;

    RelationshipFixtures riverside;
    Staff ash;
    Staff sam;
    RelationshipId robin;

    @BeforeEach
    void ashLeadsRobinWithAnAcceptedAgreement() {
        web = new WebClient(mvc, accounts);
        riverside = new RelationshipFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        sam = riverside.aHelper("Sam Lee");
        robin = riverside.as(ash, () -> relationships.refer(aReferral("Robin Fairweather", ash, "five-stage",
                Urgency.SOON, today().minusWeeks(4), null)));
        riverside.run(ash, () -> {
            relationships.changeStatus(robin, 0, RelationshipStatus.ACTIVE, "Starting");
            relationships.reviseAgreement(robin, 1, RelationshipTests.termsReviewedOn(today().plusWeeks(6)), null);
            relationships.acceptAgreement(robin, 1, today(), AcceptanceMethod.IN_SESSION);
        });
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    int version() {
        return riverside.inScope(() -> jdbc.sql("select version from relationship where relationship_id = ?")
                .param(robin.value()).query(Integer.class).single());
    }

    long handoversStored() {
        return riverside.inScope(() -> jdbc.sql("select count(*) from handover").query(Long.class).single());
    }

    UUID lead() {
        return riverside.inScope(() -> jdbc.sql(
                "select helper_id from relationship_helper where relationship_id = ? and lead")
                .param(robin.value()).query(UUID.class).single());
    }

    void nothingChanged(int versionBefore) {
        assertThat(version()).isEqualTo(versionBefore);
        assertThat(handoversStored()).isZero();
        assertThat(lead()).isEqualTo(ash.helper().value());
    }

    @Nested
    class TheHandoverForm {

        MockHttpServletRequestBuilder aHandover(String... changed) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("version", String.valueOf(version()));
            values.put("newLeadHelperId", sam.helper().value().toString());
            values.put("reason", "CASELOAD");
            values.put("note", "Robin sleeps better; next is the return to work.");
            for (int i = 0; i < changed.length; i += 2) values.put(changed[i], changed[i + 1]);
            MockHttpServletRequestBuilder request = post("/relationships/" + robin + "/handovers");
            values.forEach(request::param);
            return request;
        }

        MvcResult send(Staff who, MockHttpServletRequestBuilder request) throws Exception {
            return web.checkedPage(who, request);
        }

        Document page(MvcResult result) throws Exception {
            return Jsoup.parse(result.getResponse().getContentAsString());
        }

        @Test
        void offersTheOrganisationsOtherActiveHelpersReasonsAndANote() throws Exception {
            Document form = page(send(ash, get("/relationships/" + robin + "/handover")));

            assertThat(form.select("h1").text()).isEqualTo("Hand over to another helper");
            assertThat(form.select("#newLeadHelperId option").eachText()).contains("Sam Lee").doesNotContain("Ash Marlow");
            assertThat(form.select("input[name=reason]")).hasSize(4);
            assertThat(form.select("label[for=note]").text()).isEqualTo("Handover note for the new helper");
        }

        @Test
        void namesEveryMissingFieldAndStoresNothing() throws Exception {
            int before = version();

            MvcResult result = send(ash, post("/relationships/" + robin + "/handovers").param("version", String.valueOf(before)));

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(page(result).select("[role=alert]").text()).contains(
                    "Choose the helper who takes the relationship over.", "Choose why the relationship is handed over.",
                    "Write the handover note for the new helper.");
            assertThat(page(result).select("#note-error").text()).isEqualTo("Write the handover note for the new helper.");
            nothingChanged(before);
        }

        @Test
        void refusesAnOverLongNoteAndKeepsWhatWasTyped() throws Exception {
            int before = version();

            MvcResult result = send(ash, aHandover("note", "x".repeat(4001)));

            assertThat(page(result).select("[role=alert]").text()).contains("at most 4000 characters");
            assertThat(page(result).select("#note").text()).hasSize(4001);
            nothingChanged(before);
        }

        @ParameterizedTest
        @ValueSource(strings = { "newLeadHelperId=not-an-id", "reason=RETIRING", "version=latest" })
        void refusesValuesOfTheWrongKind(String field) throws Exception {
            int before = version();
            String[] pair = field.split("=");

            MvcResult result = send(ash, aHandover(pair[0], pair[1]));

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(page(result).select("[role=alert]").text()).containsAnyOf("Choose the new helper from the list.",
                    "Choose a reason from the list.", "Reload the page, then make your change again.");
            nothingChanged(before);
        }

        @Test
        void refusesAHelperOfAnotherOrganisationWithAPlainMessage() throws Exception {
            Staff elsewhere = new RelationshipFixtures(accounts, people, "Hillside Support").aHelper("Jo Elsewhere");
            int before = version();

            MvcResult result = send(ash, aHandover("newLeadHelperId", elsewhere.helper().value().toString()));

            assertThat(page(result).select("[role=alert]").text())
                    .contains("That helper is not one of this organisation's helpers.");
            nothingChanged(before);
        }

        @Test
        void refusesTheHelperWhoAlreadyLeads() throws Exception {
            int before = version();

            MvcResult result = send(ash, aHandover("newLeadHelperId", ash.helper().value().toString()));

            assertThat(page(result).select("[role=alert]").text())
                    .contains("Ash Marlow already leads this relationship; choose another helper.");
            nothingChanged(before);
        }

        @Test
        void refusesAStaleVersionAsChangedBySomeoneElse() throws Exception {
            int before = version();

            MvcResult result = send(ash, aHandover("version", String.valueOf(before - 1)));

            assertThat(result.getResponse().getStatus()).isEqualTo(409);
            nothingChanged(before);
        }

        @Test
        void refusesASupervisorTheForm() throws Exception {
            Staff lee = riverside.staff("Lee Supervisor", Role.SUPERVISOR);
            riverside.supervises(lee, ash);
            int before = version();

            assertThat(send(lee, get("/relationships/" + robin + "/handover")).getResponse().getStatus()).isEqualTo(403);
            assertThat(send(lee, aHandover()).getResponse().getStatus()).isEqualTo(403);
            nothingChanged(before);
        }

        @Test
        void handsOverThenTheNewHelperConfirmsOnTheRelationshipPage() throws Exception {
            MvcResult handed = send(ash, aHandover());

            // Ash is no longer on the relationship, so he goes back to his caseload.
            assertThat(handed.getResponse().getRedirectedUrl()).isEqualTo("/caseload");
            assertThat(handed.getFlashMap().get("flash")).asString().startsWith("Handed over to Sam Lee.");
            assertThat(lead()).isEqualTo(sam.helper().value());

            Document before = page(send(sam, get("/relationships/" + robin)));
            assertThat(before.select("#awaited li").eachText()).containsExactly(
                    "Sam Lee to confirm taking the work on, with its working agreement.",
                    "The client's acceptance of the working agreement (revision 2).");
            assertThat(before.select("#handover .handover-note").text()).contains("Robin sleeps better");
            assertThat(before.select("#continuity").text()).isEqualTo("Continuity: No attended sessions yet.");

            MvcResult confirmed = send(sam, post("/relationships/" + robin + "/handovers/1/confirmation"));
            assertThat(confirmed.getFlashMap().get("flash")).isEqualTo("You have confirmed taking the work on.");
            MvcResult again = send(sam, post("/relationships/" + robin + "/handovers/1/confirmation"));
            assertThat(again.getFlashMap().get("flashError")).isEqualTo("Sam Lee already confirmed taking the work on.");
            MvcResult unknown = send(sam, post("/relationships/" + robin + "/handovers/abc/confirmation"));
            assertThat(unknown.getResponse().getStatus()).isBetween(400, 499);

            send(sam, post("/relationships/" + robin + "/agreement/2/acceptance").param("acceptedOn", today().toString())
                    .param("how", "SIGNED"));
            Document after = page(send(sam, get("/relationships/" + robin)));
            assertThat(after.select("#awaited")).isEmpty();
            assertThat(after.select("#handover-complete").text()).contains("Handover complete");
            assertThat(after.select("#timeline").text()).contains("Handed over from Ash Marlow to Sam Lee",
                    "Sam Lee confirmed taking the work on");
        }
    }

    @Nested
    class TheApi {

        ResultActions as(Staff who, MockHttpServletRequestBuilder request) throws Exception {
            ResultActions result;
            try {
                result = web.api(who, request);
            } catch (Exception e) {
                return fail("the API failed with an error (a 500): %s", e);
            }
            String body = result.andReturn().getResponse().getContentAsString();
            assertThat(body).doesNotContain("Exception", "\tat org.", "\"trace\"");
            return result;
        }

        ResultActions handOver(Staff who, String json) throws Exception {
            return as(who, post("/api/relationships/" + robin + "/handovers").contentType(MediaType.APPLICATION_JSON)
                    .content(json));
        }

        String aHandover(Object version, Object helper, String reason, String note) {
            return """
                    {"version": %s, "newLeadHelperId": %s, "reason": %s, "note": %s}""".formatted(version,
                    helper == null ? "null" : "\"" + helper + "\"", reason == null ? "null" : "\"" + reason + "\"",
                    note == null ? "null" : "\"" + note + "\"");
        }

        void isProblem(ResultActions result, int status) throws Exception {
            result.andExpect(status().is(status))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").isNotEmpty());
        }

        @Test
        void describesTheHandoverEndpointsWithTheirProblemResponses() throws Exception {
            String spec = as(ash, get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            String handovers = com.jayway.jsonpath.JsonPath.parse(spec)
                    .read("$.paths['/api/relationships/{id}/handovers']").toString();

            assertThat(spec).contains("/api/relationships/{id}/handovers/{number}/confirmation",
                    "/api/relationships/{id}/handovers/{number}", "/api/relationships/{id}/continuity");
            assertThat(handovers).contains("201", "400", "403", "404", "409", "application/problem+json");
        }

        @Test
        void namesEveryMissingField() throws Exception {
            int before = version();

            ResultActions result = handOver(ash, "{}");

            isProblem(result, 400);
            result.andExpect(jsonPath("$.errors[*].field", hasItem("version")))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("newLeadHelperId")))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("reason")))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("note")));
            nothingChanged(before);
        }

        @Test
        void refusesAnOverLongNote() throws Exception {
            int before = version();

            isProblem(handOver(ash, aHandover(before, sam.helper(), "CASELOAD", "x".repeat(4001))), 400);
            nothingChanged(before);
        }

        @ParameterizedTest
        @ValueSource(strings = { "{\"version\": 3, \"newLeadHelperId\": \"sam\", \"reason\": \"CASELOAD\", \"note\": \"n\"}",
                "{\"version\": 3, \"newLeadHelperId\": \"%s\", \"reason\": \"RETIRING\", \"note\": \"n\"}",
                "{\"version\": \"latest\", \"newLeadHelperId\": \"%s\", \"reason\": \"CASELOAD\", \"note\": \"n\"}",
                "{\"version\": 3, ", "[]", "" })
        void refusesJsonThatCannotBeRead(String json) throws Exception {
            int before = version();

            isProblem(handOver(ash, json.formatted(sam.helper())), 400);
            nothingChanged(before);
        }

        @Test
        void refusesAHelperOfAnotherOrganisationClearlyAndStoresNothing() throws Exception {
            Staff elsewhere = new RelationshipFixtures(accounts, people, "Hillside Support").aHelper("Jo Elsewhere");
            int before = version();

            ResultActions result = handOver(ash, aHandover(before, elsewhere.helper(), "CASELOAD", "Note"));

            isProblem(result, 409);
            result.andExpect(jsonPath("$.detail").value("That helper is not one of this organisation's helpers. "
                    + "A relationship is handed over only within its organisation: choose the new helper from the list."));
            nothingChanged(before);
        }

        @Test
        void refusesAStaleVersionTheSameLeadAndAnUnknownRelationship() throws Exception {
            int before = version();

            isProblem(handOver(ash, aHandover(before - 1, sam.helper(), "CASELOAD", "Note")), 409);
            isProblem(handOver(ash, aHandover(before, ash.helper(), "CASELOAD", "Note")), 409);
            isProblem(as(ash, post("/api/relationships/" + UUID.randomUUID() + "/handovers")
                    .contentType(MediaType.APPLICATION_JSON).content(aHandover(before, sam.helper(), "CASELOAD", "N"))), 404);
            isProblem(as(ash, get("/api/relationships/" + robin + "/handovers/1")), 404);
            nothingChanged(before);
        }

        @Test
        void handsOverWithALocationThenTheNewLeadConfirmsAndTheClientAcceptsAgain() throws Exception {
            riverside.run(ash, () -> sessions.recordUnscheduled(robin,
                    new NewSession(today().minusWeeks(1), LocalTime.of(9, 0), 50, org.rapport.relationships.MeetingMode.IN_PERSON, null),
                    new SessionRecord(SessionOutcome.ATTENDED, Map.of(), Set.of())));
            int before = version();

            handOver(ash, aHandover(before, sam.helper(), "BETTER_FIT", "Sam works with young carers."))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", "/api/relationships/" + robin + "/handovers/1"))
                    .andExpect(jsonPath("$.number").value(1))
                    .andExpect(jsonPath("$.version").value(before + 1));

            as(sam, get("/api/relationships/" + robin + "/handovers")).andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].fromHelperName").value("Ash Marlow"))
                    .andExpect(jsonPath("$[0].toHelperName").value("Sam Lee"))
                    .andExpect(jsonPath("$[0].reason").value("BETTER_FIT"))
                    .andExpect(jsonPath("$[0].agreementRevision").value(2))
                    .andExpect(jsonPath("$[0].confirmedAt").doesNotExist());
            as(sam, get("/api/relationships/" + robin)).andExpect(jsonPath("$.awaitedAfterHandover.length()").value(2))
                    .andExpect(jsonPath("$.handovers[0].toHelperName").value("Sam Lee"))
                    .andExpect(jsonPath("$.askingHelperId").doesNotExist());
            // One session attended, with Ash: none yet with Sam.
            as(sam, get("/api/relationships/" + robin + "/continuity")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.attendedSessions").value(1))
                    .andExpect(jsonPath("$.withLeadHelper").value(0))
                    .andExpect(jsonPath("$.percent").value(0))
                    .andExpect(jsonPath("$.summary").value("0 of 1 attended session with Sam Lee (0%)"));
            // Ash has left the relationship: it is not there for him any more.
            isProblem(as(ash, get("/api/relationships/" + robin + "/handovers")), 404);

            isProblem(as(sam, post("/api/relationships/" + robin + "/handovers/2/confirmation")), 409);
            as(sam, post("/api/relationships/" + robin + "/handovers/1/confirmation")).andExpect(status().isOk());
            isProblem(as(sam, post("/api/relationships/" + robin + "/handovers/1/confirmation")), 409);
            as(sam, post("/api/relationships/" + robin + "/agreement-revisions/2/acceptance")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"acceptedOn\": \"%s\", \"how\": \"BY_PHONE\"}".formatted(today())))
                    .andExpect(status().isOk());
            as(sam, get("/api/relationships/" + robin)).andExpect(jsonPath("$.awaitedAfterHandover.length()").value(0));
            as(sam, get("/api/relationships/" + robin + "/handovers/1")).andExpect(jsonPath("$.confirmedByName").value("Sam Lee"));
        }
    }
}
