package org.rapport.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.rapport.relationships.RelationshipFixtures.aReferral;
import static org.rapport.testing.WebClient.isProblem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapport.accounts.AccountManagement;
import org.rapport.people.PeopleManagement;
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
 * The relationships API with bad input and good: invalid fields are a 400 problem naming them,
 * JSON that cannot be read a plain 400, unknown or hidden records a 404, and a change the rules
 * refuse a 409 with the reason. Then one family's whole journey, from referral to ending.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RelationshipsHttpApiTests {

    static final String MODEL = "five-stage";
    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    WebClient web;

    RelationshipFixtures riverside;
    Staff ash;
    RelationshipId robin;

    @BeforeEach
    void openARelationshipWithRobin() {
        web = new WebClient(mvc, accounts);
        riverside = new RelationshipFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        robin = riverside.as(ash, () -> relationships.refer(aReferral("Robin Fairweather", ash, MODEL, Urgency.SOON,
                today().minusDays(7), null)));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    int version() {
        return riverside.as(ash, () -> relationships.overview(robin)).version();
    }

    long relationshipsStored() {
        return riverside.inScope(() -> jdbc.sql("select count(*) from relationship").query(Long.class).single());
    }

    /** Sends JSON as Ash; every answer must be free of stack traces, and an escaping exception fails the test. */
    ResultActions send(String path, String json) throws Exception {
        return as(ash, post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions as(Staff who, MockHttpServletRequestBuilder request) throws Exception {
        return web.checkedApi(who, request);
    }

    String referral(String overrides) {
        return """
                {"submissionId": "%s",
                 "clientParty": {"kind": "FAMILY", "name": "The Lark family",
                                 "members": [{"name": "Sky Lark"}, {"name": "Ren Lark"}, {"name": "Tam Lark"}]},
                 "source": "School nurse", "reason": "Arguments at home", "referredOn": "%s", "urgency": "SOON",
                 "leadHelperId": "%s", "processModel": "%s" %s}"""
                .formatted(UUID.randomUUID(), today().minusDays(2), ash.helper().value(), MODEL, overrides);
    }

    String agreement(int version, String reviewOn, String extra) {
        return """
                {"version": %d, "purposeInClientsWords": "To argue less and listen more", "frequency": "Fortnightly",
                 "sessionLengthMinutes": 60, "meetingModes": ["IN_PERSON", "VIDEO"],
                 "rolesAndResponsibilities": "Ash keeps time; the family bring what matters",
                 "confidentiality": "Private unless someone is at risk", "reviewOn": "%s",
                 "endingPlan": "A closing session together" %s}""".formatted(version, reviewOn, extra);
    }

    // ---- invalid fields: 400 with errors --------------------------------------------------------------------

    @Test
    void namesEveryMissingFieldOfAReferral() throws Exception {
        ResultActions result = send("/api/referrals", "{}");

        isProblem(result, 400);
        result.andExpect(jsonPath("$.errors[*].field", hasItem("source")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("reason")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("referredOn")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("urgency")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("leadHelperId")))
                // Left out, the process model is the organisation's default.
                .andExpect(jsonPath("$.errors[*].field", not(hasItem("processModel"))));
        assertThat(relationshipsStored()).isEqualTo(1);
    }

    @Test
    void refusesAnOverLongReason() throws Exception {
        ResultActions result = send("/api/referrals", referral(", \"reason\": \"" + "x".repeat(5000) + "\""));

        isProblem(result, 400);
        result.andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
        assertThat(relationshipsStored()).isEqualTo(1);
    }

    @Test
    void refusesAnAgreementWithMinutesOutOfRangeAndNoWayOfMeeting() throws Exception {
        ResultActions result = send("/api/relationships/" + robin + "/agreement-revisions", """
                {"version": %d, "purposeInClientsWords": "", "frequency": "Weekly", "sessionLengthMinutes": 0,
                 "meetingModes": [], "rolesAndResponsibilities": "r", "confidentiality": "c",
                 "reviewOn": "%s", "endingPlan": "e"}""".formatted(version(), today().plusWeeks(4)));

        isProblem(result, 400);
        result.andExpect(jsonPath("$.errors[*].field", hasItem("sessionLengthMinutes")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("meetingModes")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("purposeInClientsWords")));
        assertThat(riverside.as(ash, () -> relationships.overview(robin)).agreementRevisions()).isEmpty();
    }

    @Test
    void refusesAStatusChangeWithoutAReason() throws Exception {
        int before = version();

        isProblem(send("/api/relationships/" + robin + "/status", """
                {"to": "ACTIVE", "reason": " ", "version": %d}""".formatted(before)), 400);
        assertThat(version()).isEqualTo(before);
    }

    // ---- unreadable JSON and wrong types: 400 ---------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "{\"to\": \"FLYING\", \"reason\": \"r\", \"version\": 0}",
            "{\"to\": \"ACTIVE\", \"reason\": \"r\", \"version\": \"latest\"}", "{\"to\": \"ACTIVE\", ", "[]", "" })
    void refusesJsonThatCannotBeRead(String json) throws Exception {
        int before = version();

        ResultActions result = send("/api/relationships/" + robin + "/status", json);

        isProblem(result, 400);
        result.andExpect(jsonPath("$.detail").isNotEmpty());
        assertThat(result.andReturn().getResponse().getContentAsString()).doesNotContain("tools.jackson", "com.fasterxml",
                "org.rapport");
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void refusesADateThatIsNotADate() throws Exception {
        isProblem(send("/api/referrals", referral(", \"referredOn\": \"soon\"")), 400);
        assertThat(relationshipsStored()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01", "1899-12-31", "2201-01-01", "+10000-01-01"})
    void refusesADateOutsideThePlausibleRangeAndNamesTheField(String date) throws Exception {
        ResultActions result = send("/api/referrals", referral(", \"referredOn\": \"" + date + "\""));

        isProblem(result, 400);
        result.andExpect(jsonPath("$.detail").value("referredOn: expected a date from 1900-01-01 to 2200-12-31."))
                .andExpect(jsonPath("$.errors[0].field").value("referredOn"));
        assertThat(relationshipsStored()).isEqualTo(1);
    }

    @Test
    void takesAndKeepsTheFirstPlausibleDay() throws Exception {
        send("/api/referrals", referral(", \"referredOn\": \"1900-01-01\"")).andExpect(status().isCreated());

        assertThat(riverside.inScope(() -> jdbc.sql("select min(referred_on) from relationship")
                .query(java.time.LocalDate.class).single())).isEqualTo(java.time.LocalDate.of(1900, 1, 1));
    }

    @Test
    void refusesAnIdThatIsNotAnId() throws Exception {
        isProblem(as(ash, get("/api/relationships/not-a-uuid")), 400);
        isProblem(send("/api/referrals", referral(", \"leadHelperId\": \"ash\"")), 400);
        assertThat(relationshipsStored()).isEqualTo(1);
    }

    @Test
    void refusesTheWrongContentType() throws Exception {
        ResultActions result = as(ash, post("/api/relationships/" + robin + "/status")
                .contentType(MediaType.TEXT_PLAIN).content("to=ACTIVE"));

        isProblem(result, 415);
    }

    // ---- unknown and hidden records: 404 --------------------------------------------------------------------

    @Test
    void answersNotFoundForAnUnknownRelationship() throws Exception {
        String unknown = "/api/relationships/" + UUID.randomUUID();

        isProblem(as(ash, get(unknown)), 404);
        isProblem(as(ash, get(unknown + "/timeline")), 404);
        isProblem(send(unknown + "/status", """
                {"to": "ACTIVE", "reason": "Starting", "version": 0}"""), 404);
    }

    @Test
    void answersNotFoundForAnotherOrganisationsRelationshipAndSaysNothingAboutIt() throws Exception {
        RelationshipFixtures hillcrest = new RelationshipFixtures(accounts, people, "Hillcrest Family Service");
        Staff kit = hillcrest.aHelper("Kit Hollow");
        RelationshipId bex = hillcrest.as(kit, () -> relationships.refer(aReferral("Bex Orchard", kit, MODEL,
                Urgency.ROUTINE, today(), null)));

        ResultActions read = as(ash, get("/api/relationships/" + bex));
        ResultActions change = send("/api/relationships/" + bex + "/status", """
                {"to": "ACTIVE", "reason": "Starting", "version": 0}""");

        isProblem(read, 404);
        isProblem(change, 404);
        assertThat(read.andReturn().getResponse().getContentAsString()).doesNotContain("Bex Orchard", "Kit Hollow");
        assertThat(hillcrest.as(kit, () -> relationships.overview(bex)).status()).isEqualTo(RelationshipStatus.REFERRED);
    }

    @Test
    void answersNotFoundForAnUnknownOrForeignLeadHelper() throws Exception {
        RelationshipFixtures hillcrest = new RelationshipFixtures(accounts, people, "Hillcrest Family Service");
        Staff kit = hillcrest.aHelper("Kit Hollow");

        for (UUID helper : List.of(UUID.randomUUID(), kit.helper().value())) {
            isProblem(send("/api/referrals", referral(", \"leadHelperId\": \"" + helper + "\"")), 404);
        }
        assertThat(relationshipsStored()).isEqualTo(1);
    }

    @Test
    void answersNotFoundForAMemberOfAnotherClient() throws Exception {
        String family = send("/api/referrals", referral("")).andReturn().getResponse().getHeader("Location");
        String sky = JsonPath.read(as(ash, get(family)).andReturn().getResponse().getContentAsString(),
                "$.clientParty.members[0].id");

        isProblem(send("/api/relationships/" + robin + "/members/" + sky + "/departure", """
                {"leftOn": "%s"}""".formatted(today())), 404);
    }

    // ---- rules and stale versions: 409 with a plain detail --------------------------------------------------

    @Test
    void refusesAnIllegalStatusWithTheReason() throws Exception {
        int before = version();

        ResultActions result = send("/api/relationships/" + robin + "/status", """
                {"to": "PAUSED", "reason": "Away", "version": %d}""".formatted(before));

        isProblem(result, 409);
        result.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("cannot become paused")));
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void refusesAChangeOnAStaleVersion() throws Exception {
        int before = version();

        ResultActions result = send("/api/relationships/" + robin + "/status", """
                {"to": "ACTIVE", "reason": "Starting", "version": %d}""".formatted(before + 5));

        isProblem(result, 409);
        result.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("changed after you loaded it")));
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void refusesToSkipAPhaseOrMoveToOneThatDoesNotExist() throws Exception {
        riverside.run(ash, () -> relationships.changeStatus(robin, version(), RelationshipStatus.ACTIVE, "Starting"));
        int before = version();

        isProblem(send("/api/relationships/" + robin + "/phase-moves", """
                {"phase": "helping-clients-create-goals", "reason": "Fast", "version": %d}""".formatted(before)), 409);
        isProblem(send("/api/relationships/" + robin + "/phase-moves", """
                {"phase": "enlightenment", "reason": "Fast", "version": %d}""".formatted(before)), 409);
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void refusesATaskThatDoesNotExistOrIsDoneInTheFuture() throws Exception {
        isProblem(send("/api/relationships/" + robin + "/tasks", """
                {"phase": "establishing-a-working-relationship", "taskNumber": 40, "doneOn": "%s"}"""
                .formatted(today())), 409);
        isProblem(send("/api/relationships/" + robin + "/tasks", """
                {"phase": "establishing-a-working-relationship", "taskNumber": 1, "doneOn": "%s"}"""
                .formatted(today().plusDays(1))), 409);
        isProblem(send("/api/relationships/" + robin + "/tasks", """
                {"phase": "establishing-a-working-relationship", "taskNumber": 0, "doneOn": "%s"}"""
                .formatted(today())), 400);
        assertThat(riverside.as(ash, () -> relationships.overview(robin)).currentTasks()).noneMatch(PhaseTask::isDone);
    }

    @Test
    void refusesAReviewDateInThePastAndARevisionWithoutANote() throws Exception {
        isProblem(send("/api/relationships/" + robin + "/agreement-revisions",
                agreement(version(), today().minusDays(1).toString(), "")), 409);
        send("/api/relationships/" + robin + "/agreement-revisions", agreement(version(), today().plusWeeks(6).toString(), ""))
                .andExpect(status().isCreated());

        ResultActions withoutNote = send("/api/relationships/" + robin + "/agreement-revisions",
                agreement(version(), today().plusWeeks(8).toString(), ""));

        isProblem(withoutNote, 409);
        withoutNote.andExpect(jsonPath("$.detail").value("Say in a few words what this revision changes."));
        assertThat(riverside.as(ash, () -> relationships.overview(robin)).agreementRevisions()).hasSize(1);
    }

    @Test
    void refusesAnAcceptanceOfAnOldRevisionTwiceOrInTheFuture() throws Exception {
        String revisions = "/api/relationships/" + robin + "/agreement-revisions";
        send(revisions, agreement(version(), today().plusWeeks(6).toString(), "")).andExpect(status().isCreated());
        send(revisions, agreement(version(), today().plusWeeks(8).toString(), ", \"changeNote\": \"Later review\""))
                .andExpect(status().isCreated());
        String acceptToday = """
                {"acceptedOn": "%s", "how": "SIGNED"}""".formatted(today());

        isProblem(send(revisions + "/1/acceptance", acceptToday), 409);
        isProblem(send(revisions + "/2/acceptance", """
                {"acceptedOn": "%s", "how": "SIGNED"}""".formatted(today().plusDays(1))), 409);
        isProblem(send(revisions + "/2/acceptance", """
                {"acceptedOn": "%s", "how": "TELEPATHY"}""".formatted(today())), 400);
        send(revisions + "/2/acceptance", acceptToday).andExpect(status().isOk());
        isProblem(send(revisions + "/2/acceptance", acceptToday), 409);
    }

    @Test
    void refusesANewMemberForAPerson() throws Exception {
        ResultActions result = send("/api/relationships/" + robin + "/members", """
                {"name": "Jordan Extra", "joinedOn": "%s"}""".formatted(today()));

        isProblem(result, 409);
        result.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("A person is one client")));
    }

    @Test
    void refusesACoupleOfOne() throws Exception {
        isProblem(send("/api/referrals", referral("""
                , "clientParty": {"kind": "COUPLE", "name": "Lark and Finch", "members": [{"name": "Sky Lark"}]}""")),
                409);
        assertThat(relationshipsStored()).isEqualTo(1);
    }

    @Test
    void opensOneRelationshipForAReferralSentTwice() throws Exception {
        String body = referral("");

        String first = send("/api/referrals", body).andExpect(status().isCreated()).andReturn().getResponse()
                .getHeader("Location");
        String second = send("/api/referrals", body).andReturn().getResponse().getHeader("Location");

        assertThat(second).isEqualTo(first);
        assertThat(relationshipsStored()).isEqualTo(2);
    }

    // ---- the whole journey --------------------------------------------------------------------------------

    @Test
    void walksAFamilyFromReferralThroughAgreementAndEveryPhaseToTheEnd() throws Exception {
        ResultActions referred = send("/api/referrals", referral(""));
        referred.andExpect(status().isCreated()).andExpect(header().string("Location", matchesPattern(
                "/api/relationships/" + UUID_PATTERN))).andExpect(jsonPath("$.id", matchesPattern(UUID_PATTERN)));
        String family = referred.andReturn().getResponse().getHeader("Location");

        int version = readVersion(family);
        version = versionAfter(send(family + "/status", """
                {"to": "WAITLISTED", "reason": "A place opens next week", "version": %d}""".formatted(version)));
        version = versionAfter(send(family + "/status", """
                {"to": "ACTIVE", "reason": "First session booked", "version": %d}""".formatted(version)));

        send(family + "/agreement-revisions", agreement(version, today().plusWeeks(6).toString(), ""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", family + "/agreement-revisions/1"))
                .andExpect(jsonPath("$.revision").value(1));
        send(family + "/agreement-revisions/1/acceptance", """
                {"acceptedOn": "%s", "how": "IN_SESSION"}""".formatted(today())).andExpect(status().isOk());
        send(family + "/tasks", """
                {"phase": "establishing-a-working-relationship", "taskNumber": 2, "doneOn": "%s"}""".formatted(today()))
                .andExpect(status().isOk());

        version = readVersion(family);
        for (String phase : List.of("identifying-client-problems", "helping-clients-create-goals",
                "encouraging-exploration-and-action", "termination-and-ending")) {
            version = versionAfter(send(family + "/phase-moves", """
                    {"phase": "%s", "reason": "Ready to move on", "version": %d}""".formatted(phase, version)));
        }
        as(ash, get(family)).andExpect(jsonPath("$.status").value("ENDING"));
        send(family + "/status", """
                {"to": "ENDED", "reason": "Last session held", "version": %d}""".formatted(version))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", startsWith("Close the work from its ending")));
        // Work under way closes from its ending: the four parts, then the close.
        int ending = versionAfter(as(ash, put(family + "/ending/gains").contentType(MediaType.APPLICATION_JSON).content("""
                {"version": 0, "summary": "The family talk at dinner again.", "clientWords": "Being heard, all of us.", "done": true}""")));
        ending = versionAfter(as(ash, put(family + "/ending/why").contentType(MediaType.APPLICATION_JSON).content("""
                {"version": %d, "reason": "agreed-sessions-reached", "explanation": "The sessions we agreed are done.", "done": true}"""
                .formatted(ending))));
        ending = versionAfter(as(ash, put(family + "/ending/confidence").contentType(MediaType.APPLICATION_JSON).content("""
                {"version": %d, "warningSigns": "Meals apart", "whatHelps": "Sunday walks", "peopleToContact": "Gran",
                 "crisisPlan": "Ring the GP", "done": true}""".formatted(ending))));
        ending = versionAfter(as(ash, put(family + "/ending/open-door").contentType(MediaType.APPLICATION_JSON).content("""
                {"version": %d, "followUpDates": [], "noFollowUpReason": "The family declined check-ins.", "done": true}"""
                .formatted(ending))));
        send(family + "/ending/close", """
                {"version": %d}""".formatted(ending)).andExpect(status().isOk());

        ResultActions overview = as(ash, get(family)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id", matchesPattern(UUID_PATTERN)))
                .andExpect(jsonPath("$.clientParty.id", matchesPattern(UUID_PATTERN)))
                .andExpect(jsonPath("$.clientParty.members[0].id", matchesPattern(UUID_PATTERN)))
                .andExpect(jsonPath("$.clientParty.name").value("The Lark family"))
                .andExpect(jsonPath("$.clientParty.members", hasSize(3)))
                .andExpect(jsonPath("$.status").value("ENDED"))
                .andExpect(jsonPath("$.phaseIndex").value(4))
                .andExpect(jsonPath("$.agreementRevisions", hasSize(1)))
                .andExpect(jsonPath("$.agreementRevisions[0].acceptedOn").value(today().toString()))
                .andExpect(jsonPath("$.currentTasks", hasSize(5)));
        assertThat(overview.andReturn().getResponse().getContentAsString()).doesNotContain("\"value\"");

        as(ash, get(family + "/timeline")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].title").isNotEmpty())
                .andExpect(jsonPath("$[*].kind", hasItem("referral")));
        as(ash, get("/api/caseload?ended=true")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(family.substring(family.lastIndexOf('/') + 1))))
                .andExpect(jsonPath("$[*].id", hasItem(robin.toString())));
        as(ash, get("/api/caseload")).andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(robin.toString()));
    }

    int readVersion(String relationship) throws Exception {
        return JsonPath.read(as(ash, get(relationship)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(), "$.version");
    }

    static int versionAfter(ResultActions change) throws Exception {
        return JsonPath.read(change.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
                "$.version");
    }
}
