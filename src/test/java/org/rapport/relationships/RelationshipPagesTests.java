package org.rapport.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.relationships.RelationshipFixtures.aReferral;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapport.accounts.AccountManagement;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.MemberId;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.PeopleManagement;
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
 * Every form of the relationship pages, sent with what a hurried or careless hand might send: each
 * answer is a plain message on the page (or after the redirect back to it), never an error page
 * with a stack trace, and nothing is stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RelationshipPagesTests {

    static final String MODEL = "five-stage";
    static final String FIRST_PHASE = "establishing-a-working-relationship";

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

    RelationshipOverview overview() {
        return riverside.as(ash, () -> relationships.overview(robin));
    }

    int version() {
        return overview().version();
    }

    long relationshipsStored() {
        return riverside.inScope(() -> jdbc.sql("select count(*) from relationship").query(Long.class).single());
    }

    long clientPartiesStored() {
        return riverside.inScope(() -> jdbc.sql("select count(*) from client_party").query(Long.class).single());
    }

    void activate() {
        riverside.run(ash, () -> relationships.changeStatus(robin, version(), RelationshipStatus.ACTIVE, "Starting"));
    }

    void writeAgreement() {
        riverside.run(ash, () -> relationships.reviseAgreement(robin, version(), terms(today().plusWeeks(6)), null));
    }

    static AgreementTerms terms(LocalDate reviewOn) {
        return new AgreementTerms("To sleep again", "Weekly", 50, Set.of(MeetingMode.IN_PERSON), "Ash listens",
                "Private unless someone is at risk", reviewOn, "Two closing sessions");
    }

    /** A form posted to the path: the fields given as name-value pairs, then some of them changed. */
    static MockHttpServletRequestBuilder form(String path, String[] changed, String... fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) values.put(fields[i], fields[i + 1]);
        for (int i = 0; i < changed.length; i += 2) values.put(changed[i], changed[i + 1]);
        MockHttpServletRequestBuilder request = post(path);
        values.forEach(request::param);
        return request;
    }

    /** Sends a form as Ash; an exception escaping the page would be a 500, so it fails the test. */
    MvcResult send(MockHttpServletRequestBuilder request) throws Exception {
        return web.checkedPage(ash, request);
    }

    /** The page as shown: the form again, or the page a refusal redirects to, with its message. */
    Document shown(MvcResult result) throws Exception {
        return web.shown(ash, result);
    }

    /** What a refused change says on the relationship page it returns to. */
    String refusal(MvcResult result) throws Exception {
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/relationships/" + robin);
        assertThat(result.getFlashMap().get("flash")).isNull();
        Document page = shown(result);
        return page.select(".error[role=alert]").text();
    }

    String problems(MvcResult result) throws Exception {
        return shown(result).select("[role=alert]").text();
    }

    @Nested
    class TheReferralForm {

        /** A referral that would be taken, with some of its fields given other values. */
        MockHttpServletRequestBuilder aReferralOf(String kind, String name, String... changed) {
            return form("/referrals", changed, "submissionId", UUID.randomUUID().toString(), "clientKind", kind,
                    "clientName", name, "referralSource", "Brook Lane surgery", "referralReason", "Low mood",
                    "referredOn", today().toString(), "urgency", "ROUTINE",
                    "leadHelperId", ash.helper().value().toString(), "processModelKey", MODEL);
        }

        @Test
        void namesEveryMissingFieldAndStoresNothing() throws Exception {
            MvcResult result = send(post("/referrals"));

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(problems(result)).contains("Choose who the client party is", "Give the client party a name.",
                    "Say who made the referral.", "Give the reason in the referrer’s words.",
                    "Give the date of the referral.", "Choose an urgency.", "Choose the helper who leads the work.",
                    "Choose the process model the work will follow.");
            assertThat(relationshipsStored()).isEqualTo(1);
        }

        @Test
        void refusesAnOverLongReasonAndKeepsWhatWasTyped() throws Exception {
            MvcResult result = send(aReferralOf("PERSON", "Sky Lark", "referralReason", "x".repeat(5000)));

            Document page = shown(result);
            assertThat(page.select("#referralReason-error").text()).isEqualTo("At most 4000 characters.");
            assertThat(page.select("#clientName").val()).isEqualTo("Sky Lark");
            assertThat(relationshipsStored()).isEqualTo(1);
        }

        @ParameterizedTest(name = "{0}={1}")
        @CsvSource({ "referredOn, notadate", "leadHelperId, notauuid", "clientKind, ALIEN", "urgency, WHENEVER" })
        void refusesAValueOfTheWrongKindWithAPlainMessage(String field, String value) throws Exception {
            MvcResult result = send(aReferralOf("PERSON", "Sky Lark", field, value));

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            String problems = problems(result);
            assertThat(problems).isNotBlank().doesNotContain("Failed to convert", "java.", value);
            assertThat(shown(result).select("#clientName").val()).isEqualTo("Sky Lark");
            assertThat(relationshipsStored()).isEqualTo(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0000-01-01", "1899-12-31"})
        void refusesADateOutsideThePlausibleRangeBesideTheField(String date) throws Exception {
            MvcResult result = send(aReferralOf("PERSON", "Sky Lark", "referredOn", date));

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(problems(result)).contains("Give a date from 1900-01-01 to 2200-12-31.");
            assertThat(relationshipsStored()).isEqualTo(1);
        }

        @Test
        void refusesAReferralDatedInTheFuture() throws Exception {
            MvcResult result = send(aReferralOf("PERSON", "Sky Lark", "referredOn",
                    today().plusDays(1).toString()));

            assertThat(problems(result)).contains("The referral date cannot be in the future.");
            assertThat(relationshipsStored()).isEqualTo(1);
        }

        @Test
        void answersNotFoundForAnUnknownOrForeignLeadHelper() throws Exception {
            RelationshipFixtures hillcrest = new RelationshipFixtures(accounts, people, "Hillcrest Family Service");
            Staff kit = hillcrest.aHelper("Kit Hollow");

            for (UUID helper : List.of(UUID.randomUUID(), kit.helper().value())) {
                MvcResult result = send(aReferralOf("PERSON", "Sky Lark", "leadHelperId", helper.toString()));
                assertThat(result.getResponse().getStatus()).isEqualTo(404);
                assertThat(problems(result) + shown(result).text()).contains("No helper with that id is available to you.")
                        .doesNotContain("Kit Hollow");
            }
            assertThat(relationshipsStored()).isEqualTo(1);
            assertThat(clientPartiesStored()).isEqualTo(1);
        }

        @Test
        void refusesAnUnknownProcessModel() throws Exception {
            MvcResult result = send(aReferralOf("PERSON", "Sky Lark", "processModelKey", "no-such-model"));

            assertThat(problems(result)).contains("There is no process model 'no-such-model'.");
            assertThat(relationshipsStored()).isEqualTo(1);
            assertThat(clientPartiesStored()).isEqualTo(1);
        }

        @Test
        void refusesACoupleOfOne() throws Exception {
            MvcResult result = send(aReferralOf("COUPLE", "Lark and Finch", "members", "Sky Lark"));

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(problems(result)).contains("couple");
            assertThat(relationshipsStored()).isEqualTo(1);
            assertThat(clientPartiesStored()).isEqualTo(1);
        }

        @Test
        void namesAClientAlreadyKnownByTheNameAndSavesNothingUntilTheHelperChooses() throws Exception {
            MvcResult warned = send(aReferralOf("PERSON", "  robin FAIRWEATHER "));

            assertThat(warned.getResponse().getStatus()).isEqualTo(200);
            Document page = shown(warned);
            assertThat(page.select("#already-known h2").text()).isEqualTo("Rapport already knows someone called “robin FAIRWEATHER”");
            assertThat(page.select("#already-known li").text()).contains("Robin Fairweather (Person): Referred, with Ash Marlow");
            assertThat(page.select("#referralReason").text()).as("what was typed is kept").isEqualTo("Low mood");
            assertThat(relationshipsStored()).isEqualTo(1);
            assertThat(clientPartiesStored()).isEqualTo(1);
        }

        @Test
        void refersAClientAlreadyKnownAsWhoTheyAre() throws Exception {
            String existing = page().select("#already-known button[name=existingClientPartyId]").attr("value");

            MvcResult taken = send(aReferralOf("PERSON", "Robin Fairweather", "existingClientPartyId", existing));

            assertThat(taken.getResponse().getRedirectedUrl()).startsWith("/relationships/");
            RelationshipId again = new RelationshipId(UUID.fromString(taken.getResponse().getRedirectedUrl()
                    .substring("/relationships/".length())));
            assertThat(riverside.as(ash, () -> relationships.describe(again)).clientPartyId())
                    .isEqualTo(riverside.as(ash, () -> relationships.describe(robin)).clientPartyId())
                    .hasToString(existing);
            assertThat(relationshipsStored()).isEqualTo(2);
            assertThat(clientPartiesStored()).as("nobody registered twice").isEqualTo(1);
        }

        @Test
        void takesTheReferralForSomeoneNewWithTheSameNameWhenTheHelperSaysSo() throws Exception {
            MvcResult taken = send(aReferralOf("PERSON", "Robin Fairweather", "newClient", "true"));

            assertThat(taken.getResponse().getRedirectedUrl()).startsWith("/relationships/");
            assertThat(clientPartiesStored()).isEqualTo(2);
        }

        @Test
        void namesOnlyTheClientsTheHelperSees() throws Exception {
            Staff bo = riverside.aHelper("Bo Tern");

            MvcResult taken = web.checkedPage(bo, aReferralOfFor(bo, "Robin Fairweather"));

            assertThat(taken.getResponse().getRedirectedUrl()).as("Bo does not see Ash's client").startsWith("/relationships/");
        }

        @Test
        void refusesAClientPartyTheHelperDoesNotSee() throws Exception {
            Staff bo = riverside.aHelper("Bo Tern");
            String ashsClient = riverside.as(ash, () -> relationships.describe(robin)).clientPartyId().toString();

            MvcResult refused = web.checkedPage(bo, aReferralOfFor(bo, "Anyone", "existingClientPartyId", ashsClient));

            assertThat(refused.getResponse().getStatus()).isEqualTo(404);
            assertThat(relationshipsStored()).isEqualTo(1);
        }

        Document page() throws Exception {
            return shown(send(aReferralOf("PERSON", "Robin Fairweather")));
        }

        MockHttpServletRequestBuilder aReferralOfFor(Staff lead, String name, String... changed) {
            String[] all = new String[changed.length + 2];
            all[0] = "leadHelperId";
            all[1] = lead.helper().value().toString();
            System.arraycopy(changed, 0, all, 2, changed.length);
            return aReferralOf("PERSON", name, all);
        }

        @Test
        void opensOneRelationshipForAFormSentTwice() throws Exception {
            MockHttpServletRequestBuilder referral = aReferralOf("FAMILY", "The Lark family", "members",
                    "Sky Lark\nRen Lark");

            String first = send(referral).getResponse().getRedirectedUrl();
            String second = send(referral).getResponse().getRedirectedUrl();

            assertThat(first).startsWith("/relationships/");
            assertThat(second).isEqualTo(first);
            assertThat(relationshipsStored()).isEqualTo(2);
            assertThat(clientPartiesStored()).isEqualTo(2);
        }
    }

    @Nested
    class TheStatusForm {

        MockHttpServletRequestBuilder changeTo(String status, String reason, int version) {
            return post("/relationships/" + robin + "/status").param("to", status).param("reason", reason)
                    .param("version", String.valueOf(version));
        }

        @Test
        void refusesAnIllegalMove() throws Exception {
            int before = version();

            assertThat(refusal(send(changeTo("PAUSED", "Away for a month", before))))
                    .contains("A relationship that is referred cannot become paused.");
            assertThat(version()).isEqualTo(before);
        }

        @Test
        void refusesAMoveWithoutAReason() throws Exception {
            int before = version();

            assertThat(refusal(send(changeTo("ACTIVE", "  ", before)))).contains("The reason for the change is needed.");
            assertThat(version()).isEqualTo(before);
        }

        @Test
        void refusesAMoveWithoutAStatus() throws Exception {
            int before = version();

            assertThat(refusal(send(post("/relationships/" + robin + "/status").param("reason", "Starting")
                    .param("version", String.valueOf(before))))).contains("Choose the status to move to.");
            assertThat(version()).isEqualTo(before);
        }

        @Test
        void refusesAStatusThatDoesNotExist() throws Exception {
            int before = version();

            MvcResult result = send(changeTo("FLYING", "Why not", before));

            assertThat(result.getResponse().getStatus()).isEqualTo(400);
            assertThat(shown(result).select("main").text())
                    .contains("The value sent for ‘to’ is not one Rapport understands. Nothing was changed.")
                    .doesNotContain("java.", "Failed to convert");
            assertThat(version()).isEqualTo(before);
        }

        @Test
        void refusesAChangeMadeOnAStaleVersion() throws Exception {
            int before = version();

            MvcResult result = send(changeTo("ACTIVE", "Starting", before - 1));

            assertThat(result.getResponse().getStatus()).isEqualTo(409);
            assertThat(shown(result).select("h1").text()).isEqualTo("Changed by someone else");
            assertThat(version()).isEqualTo(before);
            assertThat(overview().status()).isEqualTo(RelationshipStatus.REFERRED);
        }
    }

    @Nested
    class ThePhaseForm {

        @BeforeEach
        void startTheWork() {
            activate();
        }

        MockHttpServletRequestBuilder moveTo(String phase, String reason, int version) {
            return post("/relationships/" + robin + "/phase").param("phase", phase).param("reason", reason)
                    .param("version", String.valueOf(version));
        }

        @Test
        void refusesToSkipAPhase() throws Exception {
            int before = version();

            assertThat(refusal(send(moveTo("helping-clients-create-goals", "Fast progress", before))))
                    .contains("Phases move forward one at a time");
            assertThat(overview().currentPhase().key()).isEqualTo(FIRST_PHASE);
            assertThat(version()).isEqualTo(before);
        }

        @Test
        void refusesAPhaseTheModelDoesNotHave() throws Exception {
            int before = version();

            assertThat(refusal(send(moveTo("enlightenment", "Ready", before)))).contains("has no phase 'enlightenment'");
            assertThat(version()).isEqualTo(before);
        }

        @Test
        void refusesAMoveWithoutAReason() throws Exception {
            int before = version();

            assertThat(refusal(send(moveTo("identifying-client-problems", "", before))))
                    .contains("The reason for moving on is needed.");
            assertThat(version()).isEqualTo(before);
        }

        @Test
        void refusesAMoveMadeOnAStaleVersion() throws Exception {
            int before = version();

            MvcResult result = send(moveTo("identifying-client-problems", "Ready", before - 1));

            assertThat(result.getResponse().getStatus()).isEqualTo(409);
            assertThat(overview().currentPhase().key()).isEqualTo(FIRST_PHASE);
            assertThat(version()).isEqualTo(before);
        }
    }

    @Nested
    class TheTaskForm {

        MockHttpServletRequestBuilder tick(int task, LocalDate doneOn) {
            return post("/relationships/" + robin + "/tasks").param("phase", FIRST_PHASE)
                    .param("task", String.valueOf(task)).param("doneOn", doneOn.toString());
        }

        @Test
        void refusesATaskThePhaseDoesNotHave() throws Exception {
            int before = version();

            assertThat(refusal(send(tick(99, today())))).contains("has no task number 100");
            assertThat(version()).isEqualTo(before);
        }

        @Test
        void refusesATaskDoneInTheFuture() throws Exception {
            int before = version();

            assertThat(refusal(send(tick(0, today().plusDays(1))))).contains("cannot be in the future");
            assertThat(version()).isEqualTo(before);
        }

        @Test
        void refusesToTickATaskTwice() throws Exception {
            send(tick(0, today()));
            int before = version();

            assertThat(refusal(send(tick(0, today())))).contains("That task is already ticked off.");
            assertThat(version()).isEqualTo(before);
            assertThat(overview().currentTasks().get(0).isDone()).isTrue();
        }

        @Test
        void refusesADateThatIsNotADate() throws Exception {
            int before = version();

            MvcResult result = send(post("/relationships/" + robin + "/tasks").param("phase", FIRST_PHASE)
                    .param("task", "0").param("doneOn", "yesterday-ish"));

            assertThat(result.getResponse().getStatus()).isBetween(300, 499);
            assertThat(version()).isEqualTo(before);
        }
    }

    @Nested
    class TheAgreementEditor {

        /** An agreement that would be saved, with some of its fields given other values. */
        MockHttpServletRequestBuilder agreement(int version, String... changed) {
            return form("/relationships/" + robin + "/agreement", changed, "version", String.valueOf(version),
                    "purpose", "To sleep again", "frequency", "Weekly", "sessionLengthMinutes", "50",
                    "meetingModes", "IN_PERSON", "roles", "Ash listens",
                    "confidentiality", "Private unless someone is at risk", "reviewOn", today().plusWeeks(6).toString(),
                    "endingPlan", "Two closing sessions");
        }

        @Test
        void namesEveryMissingTerm() throws Exception {
            MvcResult result = send(post("/relationships/" + robin + "/agreement").param("version",
                    String.valueOf(version())));

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(problems(result)).contains("Write the purpose in the client’s own words.",
                    "Say how often you will meet.", "Give the length of a meeting in minutes.",
                    "Choose at least one way of meeting.", "Write down the roles and responsibilities.",
                    "Choose a review date.", "Say how the relationship will end.");
            assertThat(overview().agreementRevisions()).isEmpty();
        }

        @Test
        void refusesAMeetingOfNoMinutes() throws Exception {
            MvcResult result = send(agreement(version(), "sessionLengthMinutes", "0"));

            assertThat(shown(result).select("#sessionLengthMinutes-error").text()).isEqualTo("At least 5 minutes.");
            assertThat(overview().agreementRevisions()).isEmpty();
        }

        @Test
        void refusesMinutesThatAreNotANumber() throws Exception {
            MvcResult result = send(agreement(version(), "sessionLengthMinutes", "abc"));

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            Document page = shown(result);
            assertThat(page.select("#sessionLengthMinutes-error").text()).isNotBlank()
                    .doesNotContain("Failed to convert", "java.");
            assertThat(page.select("#purpose").text()).isEqualTo("To sleep again");
            assertThat(overview().agreementRevisions()).isEmpty();
        }

        @Test
        void refusesAReviewDateInThePast() throws Exception {
            MvcResult result = send(agreement(version(), "reviewOn", today().minusDays(1).toString()));

            assertThat(problems(result)).contains("The review date cannot be in the past.");
            assertThat(overview().agreementRevisions()).isEmpty();
        }

        @Test
        void refusesARevisionThatDoesNotSayWhatChanged() throws Exception {
            writeAgreement();
            int before = version();

            MvcResult result = send(agreement(before, "frequency", "Fortnightly"));

            assertThat(problems(result)).contains("Say in a few words what this revision changes.");
            assertThat(overview().agreementRevisions()).hasSize(1);
            assertThat(version()).isEqualTo(before);
        }

        @Test
        void refusesARevisionWrittenOnAStaleVersion() throws Exception {
            int before = version();

            MvcResult result = send(agreement(before - 1));

            assertThat(result.getResponse().getStatus()).isEqualTo(409);
            assertThat(overview().agreementRevisions()).isEmpty();
        }
    }

    @Nested
    class TheAcceptanceForm {

        MockHttpServletRequestBuilder accept(int revision, LocalDate on) {
            return post("/relationships/" + robin + "/agreement/" + revision + "/acceptance")
                    .param("acceptedOn", on.toString()).param("how", "IN_SESSION");
        }

        @Test
        void refusesToAcceptARevisionThatIsNotTheLatest() throws Exception {
            writeAgreement();
            riverside.run(ash, () -> relationships.reviseAgreement(robin, version(), terms(today().plusWeeks(8)),
                    "Review later"));

            assertThat(refusal(send(accept(1, today())))).contains("Only the latest revision (2) can be accepted.");
            assertThat(overview().agreementRevisions()).noneMatch(AgreementRevision::isAccepted);
        }

        @Test
        void refusesToAcceptARevisionTwice() throws Exception {
            writeAgreement();
            send(accept(1, today()));
            int before = version();

            assertThat(refusal(send(accept(1, today())))).contains("Revision 1 was already accepted");
            assertThat(version()).isEqualTo(before);
        }

        @Test
        void refusesAnAcceptanceDatedInTheFuture() throws Exception {
            writeAgreement();

            assertThat(refusal(send(accept(1, today().plusDays(2))))).contains("cannot be in the future");
            assertThat(overview().agreementRevisions()).noneMatch(AgreementRevision::isAccepted);
        }
    }

    @Nested
    class TheMemberForms {

        @Test
        void refusesANewMemberForAPerson() throws Exception {
            assertThat(refusal(send(post("/relationships/" + robin + "/members").param("name", "Jordan Extra")
                    .param("joinedOn", today().toString())))).contains("A person is one client on their own");
            assertThat(overview().clientParty().members()).hasSize(1);
        }

        @Test
        void answersNotFoundForAMemberOfAnotherClient() throws Exception {
            RelationshipId lark = riverside.as(ash, () -> relationships.refer(new NewReferral(
                    new NewClientParty(ClientPartyKind.FAMILY, "The Lark family", List.of(
                            new NewClientMember("Sky Lark", today().minusDays(3)),
                            new NewClientMember("Ren Lark", today().minusDays(3)),
                            new NewClientMember("Tam Lark", today().minusDays(3)))), null,
                    new Referral("School nurse", "Arguments at home", today().minusDays(3), Urgency.ROUTINE),
                    ash.helper(), null, List.of(), MODEL, null)));
            MemberId sky = riverside.as(ash, () -> relationships.overview(lark)).clientParty().members().get(0).id();

            MvcResult result = send(post("/relationships/" + robin + "/members/" + sky + "/left")
                    .param("leftOn", today().toString()));

            assertThat(result.getResponse().getStatus()).isEqualTo(404);
            assertThat(shown(result).text()).contains("No member of this client with that id is available to you.")
                    .doesNotContain("Sky Lark", "Lark family");
            assertThat(riverside.as(ash, () -> relationships.overview(lark)).clientParty().members())
                    .noneMatch(m -> m.hasLeft());
        }
    }
}
