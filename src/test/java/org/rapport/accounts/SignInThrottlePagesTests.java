package org.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.accounts.SignInAttempts.WRONG_PASSWORD;
import static org.rapport.accounts.SignInAttempts.anAddress;
import static org.rapport.accounts.SignInAttempts.anUnknownName;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import java.util.List;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Password guessing at the sign-in form: after five failed attempts the page says, calmly, that
 * sign-in is paused for a while, keeps the name as typed, and says the same for a name without an
 * account. The form and the HTTP API count together. The admin's helpers page shows whose sign-in
 * is paused and unlocks it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TravellingClock.Configuration.class)
class SignInThrottlePagesTests {

    static final String PASSWORD = TestOrganisation.PASSWORD;

    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired JdbcClient jdbc;
    @Autowired TravellingClock clock;

    SignInAttempts attempts;
    WebClient web;
    TestOrganisation riverside;
    Staff ash;
    Staff admin;
    String address;
    SignInAttempts.Browser browser;

    @BeforeEach
    void openAnOrganisationWithAHelperAndAnAdmin() {
        clock.reset();
        attempts = new SignInAttempts(mvc, jdbc);
        web = new WebClient(mvc, accounts);
        riverside = new TestOrganisation(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        admin = riverside.anAdmin("Alex Ward");
        address = anAddress();
        browser = new SignInAttempts.Browser();
    }

    @Test
    void sendsTheFirstFiveWrongPasswordsBackToTryAgainWithTheNameKept() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(attempts.form(ash.username(), WRONG_PASSWORD, address, browser).getResponse().getRedirectedUrl())
                    .isEqualTo("/login?error");
        }
        Document page = shown("/login?error");
        assertThat(page.select("p.error").text()).contains("do not match");
        assertThat(page.getElementById("username").val()).isEqualTo(ash.username());
        assertThat(page.getElementById("sign-in-paused")).isNull();
    }

    @Test
    void saysSignInIsPausedAfterFiveFailedAttemptsAndKeepsTheTypedName() throws Exception {
        failForm(ash.username(), 5);

        MvcResult sixth = attempts.form(ash.username(), PASSWORD, address, browser);

        assertThat(sixth.getResponse().getRedirectedUrl()).isEqualTo("/login?paused");
        Document page = shown("/login?paused");
        assertThat(page.getElementById("sign-in-paused").text())
                .contains("Sign-in is paused for a while", "Please try again in about 15 minutes");
        assertThat(page.getElementById("username").val()).isEqualTo(ash.username());
        assertThat(page.getElementById("password").val()).isEmpty();
    }

    @Test
    void saysTheSameForANameWithoutAnAccount() throws Exception {
        failForm(ash.username(), 5);
        attempts.form(ash.username(), PASSWORD, address, browser);
        String forAccount = shown("/login?paused").getElementById("sign-in-paused").outerHtml();

        String nobody = anUnknownName();
        SignInAttempts.Browser otherBrowser = new SignInAttempts.Browser();
        String otherAddress = anAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(attempts.form(nobody, WRONG_PASSWORD, otherAddress, otherBrowser).getResponse().getRedirectedUrl())
                    .isEqualTo("/login?error");
        }
        MvcResult refused = attempts.form(nobody, PASSWORD, otherAddress, otherBrowser);

        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/login?paused");
        Document page = Jsoup.parse(attempts.signInPage("/login?paused", otherBrowser).getResponse().getContentAsString());
        assertThat(page.getElementById("sign-in-paused").outerHtml()).isEqualTo(forAccount);
    }

    @Test
    void countsFailuresAtTheFormAndTheApiTogether() throws Exception {
        failForm(ash.username(), 3);
        attempts.failApi(ash.username(), anAddress(), 2);

        assertThat(attempts.form(ash.username(), PASSWORD, address, browser).getResponse().getRedirectedUrl())
                .isEqualTo("/login?paused");
        assertThat(attempts.api(ash.username(), PASSWORD, anAddress()).getResponse().getStatus()).isEqualTo(429);
    }

    @Test
    void signsInWithTheRightPasswordWhenNotPaused() throws Exception {
        failForm(ash.username(), 4);

        assertThat(attempts.form(ash.username(), PASSWORD, address, browser).getResponse().getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void theHelpersPageShowsAPausedSignInAndUnlocksIt() throws Exception {
        Staff jo = riverside.aHelper("Jo Reyes");
        failForm(ash.username(), 5);

        Document helpers = Jsoup.parse(web.checkedPage(admin, get("/admin/helpers")).getResponse().getContentAsString());
        assertThat(helpers.select("tr:contains(Ash Marlow) .badge").text()).contains("Sign-in paused");
        assertThat(helpers.select("tr:contains(Ash Marlow) button[aria-label^=Unlock]").attr("aria-label"))
                .isEqualTo("Unlock sign-in for Ash Marlow");
        assertThat(helpers.select("tr:contains(Jo Reyes) button[aria-label^=Unlock]")).isEmpty();

        MvcResult unlocked = web.checkedPage(admin, post("/admin/helpers/unlock").param("username", ash.username()));

        assertThat(unlocked.getResponse().getRedirectedUrl()).isEqualTo("/admin/helpers");
        assertThat(web.shown(admin, unlocked).select(".flash").text()).contains("Sign-in unlocked for " + ash.username());
        assertThat(attempts.form(ash.username(), PASSWORD, address, browser).getResponse().getRedirectedUrl())
                .isEqualTo("/");
        List<String> audit = attempts.auditOf(riverside.id(), ash.username());
        assertThat(audit.get(audit.size() - 2)).isEqualTo("Alex Ward (" + admin.username() + ") | Sign-in unlocked by an admin");
        assertThat(audit).as("the sign-in the unlock let in").last().asString()
                .isEqualTo("Ash Marlow (" + ash.username() + ") | Signed in with a password");
    }

    @Test
    void theHelpersPageRefusesToUnlockAnAccountOfAnotherOrganisation() throws Exception {
        TestOrganisation hillcrest = new TestOrganisation(accounts, people, "Hillcrest Family Service");
        Staff otherAdmin = hillcrest.anAdmin("Bo Lindqvist");
        failForm(ash.username(), 5);

        MvcResult refused = web.checkedPage(otherAdmin, post("/admin/helpers/unlock").param("username", ash.username()));

        assertThat(web.shown(otherAdmin, refused).select(".error").text()).contains("No sign-in account");
        assertThat(attempts.form(ash.username(), PASSWORD, address, browser).getResponse().getRedirectedUrl())
                .isEqualTo("/login?paused");
    }

    @Test
    void theHelpersPageLetsNoOneButAnAdminUnlock() throws Exception {
        Staff jo = riverside.aHelper("Jo Reyes");
        failForm(ash.username(), 5);

        MvcResult refused = web.page(jo, post("/admin/helpers/unlock").param("username", ash.username())).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(accounts.signInPausedUntil(ash.username())).isPresent();
    }

    private void failForm(String username, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            attempts.form(username, WRONG_PASSWORD, address, browser);
        }
    }

    private Document shown(String url) throws Exception {
        return Jsoup.parse(attempts.signInPage(url, browser).getResponse().getContentAsString());
    }
}
