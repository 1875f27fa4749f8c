package org.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
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
import org.rapport.mail.MailOutbox;
import org.rapport.mail.MailView;
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
 * An admin invites a helper by email; the helper chooses their own password from the one-time link
 * and signs in with their address. The link works once, for 72 hours; sending it again replaces it;
 * withdrawing it stops it and the account. Every other link gets the same answer. Through the
 * pages and the HTTP API, on a real database, with the mail read from the outbox.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TravellingClock.Configuration.class)
class InvitationsIntegrationTests {

    static final String CHOSEN = "harbour lantern thistle quay";
    static final Pattern LINK = Pattern.compile("/invitation/([A-Za-z0-9_-]{20,})");

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired MailOutbox outbox;
    @Autowired JdbcClient jdbc;
    @Autowired TravellingClock clock;

    WebClient web;
    TestOrganisation riverside;
    Staff admin;
    String email;

    @BeforeEach
    void anOrganisationWithAnAdmin() {
        clock.reset();
        web = new WebClient(mvc, accounts);
        riverside = new TestOrganisation(accounts, people, "Riverside Counselling");
        admin = riverside.anAdmin("Alex Ward");
        email = "ash.marlow-" + UUID.randomUUID().toString().substring(0, 8) + "@riverside.example";
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void anInvitedHelperChoosesTheirPasswordAndSignsInWithTheirAddress() throws Exception {
        invite("Ash Marlow", email);

        MailView invitation = riverside.inScope(() -> outbox.recent(null)).get(0);
        assertThat(invitation.to()).isEqualTo(email);
        assertThat(invitation.subject()).isEqualTo("You are invited to Riverside Counselling on Rapport");
        assertThat(signsIn(email, CHOSEN)).as("nobody can sign in before the invitation is accepted").isFalse();

        Document opened = page(get("/invitation/" + tokenSentTo(email)));
        assertThat(opened.select("h1").text()).isEqualTo("Welcome, Ash Marlow");
        assertThat(opened.select(".lede").text()).contains("Riverside Counselling", email);

        Document accepted = page(post("/invitation/" + tokenSentTo(email)).param("replacement", CHOSEN).param("repeated", CHOSEN));
        assertThat(accepted.select("h1").text()).isEqualTo("Your password is set");
        assertThat(signsIn(email, CHOSEN)).isTrue();
        assertThat(auditOf(email)).contains("Invitation sent by email; the link works for 72 hours",
                "Invitation accepted: the person chose their password");
    }

    @Test
    void theLinkWorksOnce() throws Exception {
        invite("Ash Marlow", email);
        String token = tokenSentTo(email);
        page(post("/invitation/" + token).param("replacement", CHOSEN).param("repeated", CHOSEN));

        MvcResult again = mvc.perform(get("/invitation/" + token)).andReturn();

        assertThat(again.getResponse().getStatus()).isEqualTo(404);
        assertThat(Jsoup.parse(again.getResponse().getContentAsString()).select("#link-not-usable").text())
                .isEqualTo(InvitationLinkNotUsable.MESSAGE);
    }

    @Test
    void aWeakOrMismatchedPasswordIsSaidBesideItAndTheLinkStillWorks() throws Exception {
        invite("Ash Marlow", email);
        String token = tokenSentTo(email);

        Document weak = page(post("/invitation/" + token).param("replacement", "password1234").param("repeated", "password1234"));
        assertThat(weak.select("#replacement-problem").text()).isNotBlank();
        assertThat(weak.select("#replacement").attr("aria-describedby")).contains("replacement-problem");
        assertThat(weak.select("#replacement").val()).as("a password is never sent back").isEmpty();
        Document mismatched = page(post("/invitation/" + token).param("replacement", CHOSEN).param("repeated", CHOSEN + "x"));
        assertThat(mismatched.select("#repeated-problem").text()).contains("not the same");
        Document byName = page(post("/invitation/" + token).param("replacement", email + "!").param("repeated", email + "!"));
        assertThat(byName.select("#replacement-problem").text()).isNotBlank();

        assertThat(page(get("/invitation/" + token)).select("h1").text()).isEqualTo("Welcome, Ash Marlow");
    }

    @Test
    void theLinkStopsWorkingAfter72Hours() throws Exception {
        invite("Ash Marlow", email);
        String token = tokenSentTo(email);

        clock.travel(Duration.ofHours(72).plusMinutes(1));

        assertThat(mvc.perform(get("/invitation/" + token)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/invitation/" + token).with(csrf()).param("replacement", CHOSEN).param("repeated", CHOSEN))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(signsIn(email, CHOSEN)).isFalse();
        Document helpers = Jsoup.parse(web.checkedPage(admin, get("/admin/helpers")).getResponse().getContentAsString());
        assertThat(helpers.text()).contains("Invitation expired");
    }

    @Test
    void sendingItAgainReplacesTheLink() throws Exception {
        invite("Ash Marlow", email);
        String first = tokenSentTo(email);

        web.page(admin, post("/admin/helpers/invitation/resend").param("username", email)).andExpect(status().is3xxRedirection());
        String second = tokenSentTo(email);

        assertThat(second).isNotEqualTo(first);
        assertThat(mvc.perform(get("/invitation/" + first)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(page(get("/invitation/" + second)).select("h1").text()).isEqualTo("Welcome, Ash Marlow");
        assertThat(riverside.inScope(() -> outbox.recent(null))).hasSize(2);
    }

    @Test
    void withdrawingItStopsTheLinkAndTheAccountAndSendingItAgainUndoesThat() throws Exception {
        invite("Ash Marlow", email);
        String token = tokenSentTo(email);

        web.api(admin, delete("/api/invitations/" + email)).andExpect(status().isNoContent());

        assertThat(mvc.perform(get("/invitation/" + token)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(riverside.inScope(() -> accounts.deactivated())).contains(email);
        web.api(admin, get("/api/invitations")).andExpect(jsonPath("$[0].withdrawnAt").isNotEmpty());

        web.api(admin, post("/api/invitations/" + email + "/resend")).andExpect(status().isNoContent());
        mvc.perform(post("/api/invitations/accept").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\": \"" + tokenSentTo(email) + "\", \"password\": \"" + CHOSEN + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(email));
        assertThat(signsIn(email, CHOSEN)).isTrue();
    }

    @Test
    void theApiInvitesAndAcceptsWithClearProblems() throws Exception {
        web.api(admin, post("/api/invitations").contentType(MediaType.APPLICATION_JSON).content(
                        "{\"name\": \"Ash Marlow\", \"discipline\": \"COUNSELLOR\", \"email\": \"" + email + "\", \"roles\": [\"HELPER\"]}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.username").value(email));
        String token = tokenSentTo(email);

        WebClient.isProblem(mvc.perform(post("/api/invitations/accept").contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\": \"" + token + "\", \"password\": \"short\"}")), 422);
        WebClient.isProblem(mvc.perform(post("/api/invitations/accept").contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\": \"forged-" + token + "\", \"password\": \"" + CHOSEN + "\"}")), 404);
        WebClient.isProblem(mvc.perform(post("/api/invitations/accept").contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\": ")), 400);
        WebClient.isProblem(web.api(admin, post("/api/invitations").contentType(MediaType.APPLICATION_JSON).content(
                "{\"name\": \"Someone Else\", \"discipline\": \"COUNSELLOR\", \"email\": \"" + email + "\"}")), 409);
        WebClient.isProblem(web.api(admin, post("/api/invitations").contentType(MediaType.APPLICATION_JSON).content(
                "{\"name\": \"Someone Else\", \"discipline\": \"COUNSELLOR\", \"email\": \"not-an-address\"}")), 409);
        WebClient.isProblem(web.api(admin, post("/api/invitations").contentType(MediaType.APPLICATION_JSON).content(
                "{\"name\": \"\", \"discipline\": \"COUNSELLOR\"}")), 400);
        mvc.perform(post("/api/invitations/accept").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"token\": \"" + token + "\", \"password\": \"" + CHOSEN + "\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void aForgedOrOverlongLinkGetsTheSameAnswer() throws Exception {
        for (String token : List.of("not-a-real-token-at-all-0000000000", "x".repeat(500), "not.a.token")) {
            MvcResult answer = mvc.perform(get("/invitation/" + token)).andReturn();
            assertThat(answer.getResponse().getStatus()).as(token).isEqualTo(404);
            assertThat(answer.getResponse().getContentAsString()).contains("This invitation link does not work");
        }
    }

    @Test
    void onlyAnAdminOfTheOrganisationInvitesResendsOrWithdraws() throws Exception {
        Staff ash = riverside.aHelper("Ash Marlow");
        invite("Robin Hale", email);
        TestOrganisation harbour = new TestOrganisation(accounts, people, "Harbour Coaching");
        Staff theirAdmin = harbour.anAdmin("Sam Reyes");

        assertThat(web.page(ash, post("/admin/helpers/invite").param("name", "X").param("discipline", "COUNSELLOR")
                .param("email", "x@riverside.example")).andReturn().getResponse().getStatus()).isEqualTo(403);
        WebClient.isProblem(web.api(ash, post("/api/invitations").contentType(MediaType.APPLICATION_JSON).content(
                "{\"name\": \"X\", \"discipline\": \"COUNSELLOR\", \"email\": \"x@riverside.example\"}")), 403);
        WebClient.isProblem(web.api(ash, get("/api/invitations")), 403);
        WebClient.isProblem(web.api(ash, delete("/api/invitations/" + email)), 403);
        WebClient.isProblem(web.api(theirAdmin, delete("/api/invitations/" + email)), 404);
        WebClient.isProblem(web.api(theirAdmin, post("/api/invitations/" + email + "/resend")), 404);
        web.api(theirAdmin, get("/api/invitations")).andExpect(jsonPath("$.length()").value(0));
        assertThat(page(get("/invitation/" + tokenSentTo(email))).select("h1").text()).isEqualTo("Welcome, Robin Hale");
    }

    @Test
    void theInvitePageSaysWhatIsWrongAndKeepsWhatWasTyped() throws Exception {
        Document missing = Jsoup.parse(web.checkedPage(admin, post("/admin/helpers/invite").param("name", "Ash Marlow")
                .param("discipline", "COUNSELLOR").param("email", "")).getResponse().getContentAsString());
        assertThat(missing.select("#email-error").text()).isEqualTo("Give the email address the invitation goes to.");
        assertThat(missing.select("#name").val()).isEqualTo("Ash Marlow");

        Document tampered = Jsoup.parse(web.checkedPage(admin, post("/admin/helpers/invite").param("name", "Ash Marlow")
                .param("discipline", "WIZARD").param("email", email)).getResponse().getContentAsString());
        assertThat(tampered.select("#discipline-error").text()).isEqualTo("Choose a discipline from the list.");
        assertThat(tampered.select("#email").val()).isEqualTo(email);

        Document notAnAddress = Jsoup.parse(web.checkedPage(admin, post("/admin/helpers/invite").param("name", "Ash Marlow")
                .param("discipline", "COUNSELLOR").param("email", "ash at riverside")).getResponse().getContentAsString());
        assertThat(notAnAddress.select("#invite-problem").text()).contains("email address");
        assertThat(notAnAddress.select("#email").val()).isEqualTo("ash at riverside");
    }

    private void invite(String name, String address) throws Exception {
        MvcResult invited = web.checkedPage(admin, post("/admin/helpers/invite").param("name", name)
                .param("discipline", "COUNSELLOR").param("email", address).param("roles", "HELPER"));
        assertThat(invited.getResponse().getRedirectedUrl()).isEqualTo("/admin/helpers");
        assertThat((String) invited.getFlashMap().get("flash")).contains("Invited " + name, "72 hours");
    }

    /** The token of the latest invitation to this address, read from the message waiting in the outbox. */
    private String tokenSentTo(String address) {
        String body = riverside.inScope(() -> jdbc.sql("select text_body from mail_message where recipient = ?"
                + " order by queued_at desc limit 1").param(address).query(String.class).single());
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as("a link in the invitation").isTrue();
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
