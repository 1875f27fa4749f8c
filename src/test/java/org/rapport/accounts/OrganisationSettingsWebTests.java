package org.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.mail.Mail;
import org.rapport.mail.MailOutbox;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.testing.TravellingClock;
import org.rapport.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organisation's admins keep its settings: name, time zone, language and date format, country,
 * the name its mail goes under and what its clients are told to do if they need help now. Each
 * refusal is said beside its field with everything typed kept; staff read the settings, only
 * admins change them; the change is audited by what changed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TravellingClock.Configuration.class)
class OrganisationSettingsWebTests {

    static final String CRISIS = "Call our duty line on 0161 496 0000 (9am to 9pm), or Samaritans on 116 123 at any hour.\n"
            + "In an emergency, call 999.";

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired MailOutbox outbox;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

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
    void anAdminChangesTheSettingsFromThePage() throws Exception {
        MvcResult saved = web.checkedPage(admin, post("/admin/organisation").param("name", "Riverside Counselling Service")
                .param("timeZone", "Europe/Dublin").param("locale", "en-IE").param("country", "ie")
                .param("mailSenderName", "Riverside Counselling (no reply)").param("crisisInformation", CRISIS));

        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/organisation");
        assertThat(riverside.inScope(() -> accounts.organisationSettings())).isEqualTo(new OrganisationSettings(
                "Riverside Counselling Service", "Europe/Dublin", "en-IE", "IE", "Riverside Counselling (no reply)", CRISIS));
        Document page = Jsoup.parse(web.checkedPage(admin, get("/admin/organisation")).getResponse().getContentAsString());
        assertThat(page.select("#crisisInformation").text()).contains("Samaritans on 116 123");
        assertThat(page.select("#locale option[selected]").val()).isEqualTo("en-IE");
        assertThat(riverside.inScope(() -> jdbc.sql("select detail from audit_entry where record_type = 'organisation'")
                .query(String.class).list())).containsExactly("Changed the organisation's settings: name, time zone, "
                        + "language and date format, country, mail sender name, crisis information");
    }

    @Test
    void mailGoesUnderTheChosenSenderName() {
        riverside.run(admin, () -> accounts.changeOrganisationSettings(new OrganisationSettings("Riverside Counselling",
                "Europe/London", "en-GB", null, "Riverside (no reply)", null)));

        riverside.inScope(() -> new TransactionTemplate(transactions).execute(status -> outbox.queue(new Mail(riverside.id(),
                "someone@riverside.example", "Hello", "password-changed", Map.of("name", "Someone", "when", "today")))));

        assertThat(riverside.inScope(() -> jdbc.sql("select sender_name from mail_message").query(String.class).list()))
                .containsExactly("Riverside (no reply)");
    }

    @Test
    void eachRefusalIsSaidBesideItsFieldAndKeepsWhatWasTyped() throws Exception {
        Map<String, List<String>> cases = Map.of(
                "name", List.of("", "Europe/London", "en-GB", "", "Name"),
                "timeZone", List.of("Riverside", "Mars/Olympus", "en-GB", "", "time zone"),
                "locale", List.of("Riverside", "Europe/London", "xx-XX", "", "from the list"),
                "country", List.of("Riverside", "Europe/London", "en-GB", "ZZ", "two-letter code"));
        for (var refusal : cases.entrySet()) {
            List<String> typed = refusal.getValue();
            Document page = Jsoup.parse(web.checkedPage(admin, post("/admin/organisation").param("name", typed.get(0))
                    .param("timeZone", typed.get(1)).param("locale", typed.get(2)).param("country", typed.get(3))
                    .param("crisisInformation", CRISIS)).getResponse().getContentAsString());
            assertThat(page.select("#" + refusal.getKey() + "-error").text()).as(refusal.getKey()).containsIgnoringCase(typed.get(4));
            assertThat(page.select("#" + refusal.getKey()).attr("aria-invalid")).isEqualTo("true");
            assertThat(page.select("#crisisInformation").text()).as("typed text kept").contains("Samaritans");
        }
        assertThat(riverside.inScope(() -> accounts.organisationSettings().name())).isEqualTo("Riverside Counselling");
    }

    @Test
    void howLongRecordsAreKeptIsWholeYearsOrUntilAnAdminDecides() throws Exception {
        MvcResult saved = web.checkedPage(admin, post("/admin/organisation").param("name", "Riverside Counselling")
                .param("timeZone", "Europe/London").param("locale", "en-GB").param("recordsKeptYears", " 8 "));
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/organisation");
        assertThat(riverside.inScope(() -> accounts.organisationSettings().recordsKeptYears())).isEqualTo(8);

        for (String typed : List.of("eight", "0", "101", "-3")) {
            Document page = Jsoup.parse(web.checkedPage(admin, post("/admin/organisation").param("name", "Riverside Counselling")
                    .param("timeZone", "Europe/London").param("locale", "en-GB").param("recordsKeptYears", typed)
                    .param("crisisInformation", CRISIS)).getResponse().getContentAsString());
            assertThat(page.select("#recordsKeptYears-error").text()).as(typed).contains("whole");
            assertThat(page.select("#recordsKeptYears").val()).as("typed kept").isEqualTo(typed);
            assertThat(page.select("#crisisInformation").text()).as("the rest kept").contains("Samaritans");
        }
        assertThat(riverside.inScope(() -> accounts.organisationSettings().recordsKeptYears())).isEqualTo(8);

        web.checkedApi(admin, put("/api/organisation").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "Riverside Counselling", "timeZone": "Europe/London", "locale": "en-GB"}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.recordsKeptYears").doesNotExist());
        var refused = web.checkedApi(admin, put("/api/organisation").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "Riverside Counselling", "timeZone": "Europe/London", "locale": "en-GB", "recordsKeptYears": 101}"""));
        WebClient.isProblem(refused, 422);
        refused.andExpect(jsonPath("$.field").value("recordsKeptYears"));
        assertThat(riverside.inScope(() -> jdbc.sql("select detail from audit_entry where record_type = 'organisation'")
                .query(String.class).list())).contains("Changed the organisation's settings: how long records are kept");
    }

    @Test
    void staffReadTheSettingsAndOnlyAdminsChangeThem() throws Exception {
        web.checkedApi(ash, get("/api/organisation")).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Riverside Counselling"))
                .andExpect(jsonPath("$.timeZone").value("Europe/London"));
        String change = """
                {"name": "Riverside", "timeZone": "Europe/London", "locale": "en-GB", "crisisInformation": "Call 999."}""";
        WebClient.isProblem(web.api(ash, put("/api/organisation").contentType(MediaType.APPLICATION_JSON).content(change)), 403);
        assertThat(web.page(ash, get("/admin/organisation")).andReturn().getResponse().getStatus()).isEqualTo(403);

        web.checkedApi(admin, put("/api/organisation").contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isOk()).andExpect(jsonPath("$.crisisInformation").value("Call 999."));
        var refused = web.checkedApi(admin, put("/api/organisation").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Riverside\", \"timeZone\": \"Nowhere\", \"locale\": \"en-GB\"}"));
        WebClient.isProblem(refused, 422);
        refused.andExpect(jsonPath("$.field").value("timeZone"));
        WebClient.isProblem(web.checkedApi(admin, put("/api/organisation").contentType(MediaType.APPLICATION_JSON)
                .content("{}")), 422);
        WebClient.isProblem(web.checkedApi(admin, put("/api/organisation").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": ")), 400);
    }
}
