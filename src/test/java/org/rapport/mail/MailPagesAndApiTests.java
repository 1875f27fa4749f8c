package org.rapport.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.testing.TravellingClock;
import org.rapport.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organisation's admins see what became of its mail, on the Mail page and through the API; its
 * helpers do not, and no organisation sees another's.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TravellingClock.Configuration.class)
class MailPagesAndApiTests {

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired MailOutbox outbox;
    @Autowired MailSending sending;
    @Autowired PlatformTransactionManager transactions;

    WebClient web;
    TestOrganisation riverside;
    Staff admin;
    Staff ash;
    MailId sent;
    MailId waiting;

    @BeforeEach
    void anOrganisationThatSentOneMessageAndHasOneWaiting() {
        web = new WebClient(mvc, accounts);
        riverside = new TestOrganisation(accounts, people, "Riverside Counselling");
        admin = riverside.anAdmin("Alex Ward");
        ash = riverside.aHelper("Ash Marlow");
        sent = queue("ash@riverside.example");
        sending.sendDue();
        waiting = queue("robin@riverside.example");
    }

    @Test
    void theMailPageShowsEachMessageAndWhatBecameOfIt() throws Exception {
        Document page = Jsoup.parse(web.checkedPage(admin, get("/admin/mail")).getResponse().getContentAsString());

        assertThat(page.select("h1").text()).isEqualTo("Mail");
        assertThat(page.select("dl.counts dd").eachText()).containsExactly("1", "1", "0");
        assertThat(page.select("#mail tbody tr")).hasSize(2);
        assertThat(page.select("#mail tbody tr").get(0).text()).contains("robin@riverside.example", "Waiting to be sent");
        assertThat(page.select("#mail tbody tr").get(1).text()).contains("ash@riverside.example", "Sent");
        assertThat(page.select("#mail-folder").text()).contains("No mail server is set").contains("target/mail");
    }

    @Test
    void theMailPageShowsOneStatusWhenAsked() throws Exception {
        Document page = Jsoup.parse(web.checkedPage(admin, get("/admin/mail").param("status", "SENT"))
                .getResponse().getContentAsString());

        assertThat(page.select("#mail tbody tr")).singleElement().satisfies(row -> assertThat(row.text()).contains("ash@"));
        assertThat(page.select("nav.filters a[aria-current=page]").text()).isEqualTo("Sent");
    }

    @Test
    void anUnknownStatusShowsEveryMessage() throws Exception {
        Document page = Jsoup.parse(web.checkedPage(admin, get("/admin/mail").param("status", "<script>"))
                .getResponse().getContentAsString());

        assertThat(page.select("#mail tbody tr")).hasSize(2);
        assertThat(page.html()).doesNotContain("<script>");
    }

    @Test
    void theApiListsTheMessagesWithTheirCounts() throws Exception {
        web.checkedApi(admin, get("/api/organisation/mail"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.counts.queued").value(1))
                .andExpect(jsonPath("$.counts.sent").value(1))
                .andExpect(jsonPath("$.counts.failed").value(0))
                .andExpect(jsonPath("$.messages.length()").value(2))
                .andExpect(jsonPath("$.messages[0].id").value(waiting.toString()))
                .andExpect(jsonPath("$.messages[0].status").value("QUEUED"))
                .andExpect(jsonPath("$.messages[1].to").value("ash@riverside.example"))
                .andExpect(jsonPath("$.messages[1].sentAt").isNotEmpty());
        web.checkedApi(admin, get("/api/organisation/mail").param("status", "SENT"))
                .andExpect(jsonPath("$.messages.length()").value(1))
                .andExpect(jsonPath("$.messages[0].id").value(sent.toString()));
    }

    @Test
    void theApiRefusesAnUnknownStatusWithAProblem() throws Exception {
        var answer = web.checkedApi(admin, get("/api/organisation/mail").param("status", "LOST"));

        WebClient.isProblem(answer, 400);
        answer.andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @Test
    void helpersSeeNeitherThePageNorTheApi() throws Exception {
        assertThat(web.page(ash, get("/admin/mail")).andReturn().getResponse().getStatus()).isEqualTo(403);
        WebClient.isProblem(web.api(ash, get("/api/organisation/mail")), 403);
    }

    @Test
    void anotherOrganisationsAdminSeesNoneOfIt() throws Exception {
        TestOrganisation harbour = new TestOrganisation(accounts, people, "Harbour Coaching");
        Staff theirAdmin = harbour.anAdmin("Sam Reyes");

        web.checkedApi(theirAdmin, get("/api/organisation/mail"))
                .andExpect(jsonPath("$.messages.length()").value(0))
                .andExpect(jsonPath("$.counts.sent").value(0));
        Document page = Jsoup.parse(web.checkedPage(theirAdmin, get("/admin/mail")).getResponse().getContentAsString());
        assertThat(page.text()).doesNotContain("riverside.example").contains("No messages yet.");
    }

    private MailId queue(String to) {
        return riverside.inScope(() -> new TransactionTemplate(transactions).execute(status -> outbox.queue(
                new Mail(riverside.id(), to, "Your Rapport password was changed", "password-changed",
                        Map.of("name", "Ash Marlow", "when", "4 December 2026 at 09:30")))));
    }
}
