package org.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

/**
 * A forgotten password: the person asks on the sign-in page (or an admin sends them a link) and
 * chooses a new one from the one-time link mailed to them. Asking gets the same answer whatever the
 * address, and is throttled; the link works once, for an hour, and a newer one replaces it; the
 * person hears of the change. Through the pages and the HTTP API, on a real database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TravellingClock.Configuration.class)
class PasswordResetIntegrationTests {

    static final String NEW_PASSWORD = "lantern orchard pebble drift";
    static final Pattern LINK = Pattern.compile("/reset-password/([A-Za-z0-9_-]{20,})");

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired JdbcClient jdbc;
    @Autowired TravellingClock clock;

    WebClient web;
    TestOrganisation riverside;
    Staff ash;
    Staff admin;

    @BeforeEach
    void aHelperWhoSignsInWithTheirAddress() {
        clock.reset();
        web = new WebClient(mvc, accounts);
        riverside = new TestOrganisation(accounts, people, "Riverside Counselling");
        ash = riverside.staffWithEmail("Ash Marlow", Role.HELPER);
        admin = riverside.anAdmin("Alex Ward");
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void askingSendsALinkThatSetsANewPasswordOnce() throws Exception {
        Document asked = ask(ash.username());
        assertThat(asked.select("h1").text()).isEqualTo("Check your mail");
        assertThat(mailTo(ash.username())).containsExactly("Choose a new password for Rapport");

        String token = tokenSentTo(ash.username());
        Document form = page(get("/reset-password/" + token));
        assertThat(form.select(".lede").text()).contains("Ash Marlow", "Riverside Counselling");
        Document done = page(post("/reset-password/" + token).param("replacement", NEW_PASSWORD).param("repeated", NEW_PASSWORD));

        assertThat(done.select("h1").text()).isEqualTo("Your password is changed");
        assertThat(signsIn(ash.username(), NEW_PASSWORD)).isTrue();
        assertThat(signsIn(ash.username(), TestOrganisation.PASSWORD)).isFalse();
        assertThat(mvc.perform(get("/reset-password/" + token)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mailTo(ash.username())).contains("Your Rapport password was changed");
        assertThat(auditOf(ash.username())).contains(
                "Password reset link sent by email, as asked for on the sign-in page; it works for an hour",
                "Password reset from an emailed link; every signed-in session ended");
    }

    @Test
    void theAnswerIsTheSameWhateverTheAddress() throws Exception {
        String known = ask(ash.username()).select("#reset-asked").text().replace(ash.username(), "ADDRESS");
        String nobody = "nobody-" + UUID.randomUUID() + "@riverside.example";
        String unknown = ask(nobody).select("#reset-asked").text().replace(nobody, "ADDRESS");

        assertThat(unknown).isEqualTo(known);
        assertThat(mailTo(ash.username())).hasSize(1);
        assertThat(jdbc.sql("select count(*) from mail_due d join sign_in_name n on n.organisation_id = d.organisation_id"
                + " where n.username = ?").param(nobody).query(Integer.class).single()).as("nothing queued for nobody").isZero();
    }

    @Test
    void noLinkGoesToADeactivatedOrNotYetInvitedAccount() throws Exception {
        riverside.run(admin, () -> accounts.deactivate(ash.username()));
        ask(ash.username());
        assertThat(mailTo(ash.username())).isEmpty();

        String invited = "robin-" + UUID.randomUUID().toString().substring(0, 8) + "@riverside.example";
        web.checkedPage(admin, post("/admin/helpers/invite").param("name", "Robin Hale").param("discipline", "COUNSELLOR")
                .param("email", invited));
        ask(invited);
        assertThat(mailTo(invited)).containsExactly("You are invited to Riverside Counselling on Rapport");
    }

    @Test
    void theLinkWorksForAnHourAndANewerOneReplacesIt() throws Exception {
        ask(ash.username());
        String first = tokenSentTo(ash.username());
        ask(ash.username());
        String second = tokenSentTo(ash.username());

        assertThat(mvc.perform(get("/reset-password/" + first)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(page(get("/reset-password/" + second)).select("h1").text()).isEqualTo("Choose a new password");
        clock.travel(Duration.ofMinutes(61));
        MvcResult late = mvc.perform(get("/reset-password/" + second)).andReturn();
        assertThat(late.getResponse().getStatus()).isEqualTo(404);
        assertThat(Jsoup.parse(late.getResponse().getContentAsString()).select("#link-not-usable").text())
                .isEqualTo(ResetLinkNotUsable.MESSAGE);
    }

    @Test
    void askingIsThrottledPerAddressWithTheSameAnswer() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(ask(ash.username()).select("h1").text()).isEqualTo("Check your mail");
        }
        assertThat(mailTo(ash.username())).as("three an hour").hasSize(PasswordResets.PER_ADDRESS);

        clock.travel(Duration.ofMinutes(61));
        ask(ash.username());
        assertThat(mailTo(ash.username())).hasSize(PasswordResets.PER_ADDRESS + 1);
    }

    @Test
    void askingIsThrottledPerClientWithTheSameAnswer() throws Exception {
        String client = anAddress();
        List<Staff> staff = new java.util.ArrayList<>();
        for (int i = 0; i <= PasswordResets.PER_CLIENT; i++) staff.add(riverside.staffWithEmail("Person " + (char) ('A' + i)));

        for (Staff person : staff) {
            assertThat(askFrom(person.username(), client).select("h1").text()).isEqualTo("Check your mail");
        }

        assertThat(staff.stream().filter(person -> !mailTo(person.username()).isEmpty()).count())
                .as("links sent from one client in an hour").isEqualTo(PasswordResets.PER_CLIENT);
    }

    @Test
    void aWeakOrMismatchedPasswordIsSaidBesideItAndTheLinkStillWorks() throws Exception {
        ask(ash.username());
        String token = tokenSentTo(ash.username());

        Document weak = page(post("/reset-password/" + token).param("replacement", "password1234").param("repeated", "password1234"));
        assertThat(weak.select("#replacement-problem").text()).isNotBlank();
        Document mismatched = page(post("/reset-password/" + token).param("replacement", NEW_PASSWORD).param("repeated", "other"));
        assertThat(mismatched.select("#repeated-problem").text()).contains("not the same");
        Document blank = page(post("/forgot-password").param("email", " "));
        assertThat(blank.select("#email-problem").text()).contains("email address");

        assertThat(signsIn(ash.username(), TestOrganisation.PASSWORD)).as("the old password still works").isTrue();
        assertThat(page(get("/reset-password/" + token)).select("h1").text()).isEqualTo("Choose a new password");
    }

    @Test
    void theApiAsksAndCompletesWithClearProblems() throws Exception {
        mvc.perform(post("/api/password-resets").contentType(MediaType.APPLICATION_JSON).with(fromAnAddress())
                        .content("{\"email\": \"" + ash.username() + "\"}"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("If an account signs in with that address")));
        mvc.perform(post("/api/password-resets").contentType(MediaType.APPLICATION_JSON).with(fromAnAddress())
                        .content("{\"email\": \"nobody-" + UUID.randomUUID() + "@riverside.example\"}"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("If an account signs in with that address")));
        WebClient.isProblem(mvc.perform(post("/api/password-resets").contentType(MediaType.APPLICATION_JSON).content("{}")), 400);
        String token = tokenSentTo(ash.username());

        WebClient.isProblem(mvc.perform(post("/api/password-resets/complete").contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\": \"" + token + "\", \"password\": \"short\"}")), 422);
        WebClient.isProblem(mvc.perform(post("/api/password-resets/complete").contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\": \"forged\", \"password\": \"" + NEW_PASSWORD + "\"}")), 404);
        mvc.perform(post("/api/password-resets/complete").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\": \"" + token + "\", \"password\": \"" + NEW_PASSWORD + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(ash.username()));
        assertThat(signsIn(ash.username(), NEW_PASSWORD)).isTrue();
    }

    @Test
    void anAdminSendsALinkButNeverSeesThePassword() throws Exception {
        web.api(admin, post("/api/accounts/" + ash.username() + "/password-reset")).andExpect(status().isNoContent());
        String body = riverside.inScope(() -> jdbc.sql("select text_body from mail_message where recipient = ?")
                .param(ash.username()).query(String.class).single());
        assertThat(body).contains("Alex Ward, an admin at your organisation, asked");

        MvcResult fromThePage = web.checkedPage(admin, post("/admin/helpers/password-reset").param("username", ash.username()));
        assertThat((String) fromThePage.getFlashMap().get("flash")).contains("a link to choose a new password");
        assertThat(mailTo(ash.username())).hasSize(2);
        assertThat(auditOf(ash.username())).contains("Password reset link sent by email by an admin; it works for an hour");
    }

    @Test
    void onlyAnAdminOfTheOrganisationSendsOneAndOnlyToAnAddress() throws Exception {
        Staff robin = riverside.aHelper("Robin Hale");
        TestOrganisation harbour = new TestOrganisation(accounts, people, "Harbour Coaching");
        Staff theirAdmin = harbour.anAdmin("Sam Reyes");

        WebClient.isProblem(web.api(robin, post("/api/accounts/" + ash.username() + "/password-reset")), 403);
        WebClient.isProblem(web.api(theirAdmin, post("/api/accounts/" + ash.username() + "/password-reset")), 404);
        var notAnAddress = web.api(admin, post("/api/accounts/" + robin.username() + "/password-reset"));
        WebClient.isProblem(notAnAddress, 409);
        notAnAddress.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not an email address")));
        assertThat(mailTo(ash.username())).isEmpty();
    }

    /** Asked from a client address of its own, so only the count per email address comes into play. */
    private Document ask(String email) throws Exception {
        return askFrom(email, anAddress());
    }

    private Document askFrom(String email, String client) throws Exception {
        return page(post("/forgot-password").param("email", email).with(request -> {
            request.setRemoteAddr(client);
            return request;
        }));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor fromAnAddress() {
        String client = anAddress();
        return request -> {
            request.setRemoteAddr(client);
            return request;
        };
    }

    private static String anAddress() {
        return "198.51.100." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 255) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<String> mailTo(String address) {
        return riverside.inScope(() -> jdbc.sql("select subject from mail_message where recipient = ? order by queued_at")
                .param(address).query(String.class).list());
    }

    private String tokenSentTo(String address) {
        String body = riverside.inScope(() -> jdbc.sql("select text_body from mail_message where recipient = ?"
                + " and template = 'password-reset' order by queued_at desc limit 1").param(address).query(String.class).single());
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private Document page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    private boolean signsIn(String username, String password) throws Exception {
        return mvc.perform(get("/api/helpers").with(httpBasic(username, password))).andReturn().getResponse().getStatus() == 200;
    }

    private List<String> auditOf(String username) {
        return riverside.inScope(() -> jdbc.sql("""
                select e.detail from audit_entry e join user_account a on a.account_id = e.record_id
                where a.username = ? order by e.happened_at""").param(username).query(String.class).list());
    }
}
