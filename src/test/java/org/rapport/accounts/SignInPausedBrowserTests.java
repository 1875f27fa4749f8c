package org.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.browser.Browser;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A helper who mistypes their password five times is told, calmly and accessibly, that sign-in is
 * paused; their admin unlocks them from the helpers page, and the right password works again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInPausedBrowserTests {

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;

    Browser browser;

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void aPausedHelperIsToldSoAndTheirAdminUnlocksThem() {
        TestOrganisation harbour = new TestOrganisation(accounts, people, "Harbour Mentoring");
        Staff remy = harbour.aHelper("Remy Castell");
        Staff noor = harbour.anAdmin("Noor Haddad");
        browser = Browser.open("http://localhost:" + port, Browser.DESKTOP);

        for (int i = 0; i < 5; i++) {
            browser.signIn(remy.username(), SignInAttempts.WRONG_PASSWORD);
        }
        browser.signIn(remy.username(), TestOrganisation.PASSWORD);

        assertThat(browser.text("sign-in-paused")).contains("Sign-in is paused for a while");
        assertThat(browser.field("Sign-in name").getDomProperty("value")).isEqualTo(remy.username());
        browser.assertAccessible().screenshot("sign-in-paused");

        browser.signIn(noor.username(), TestOrganisation.PASSWORD);
        browser.visit("/admin/helpers");
        assertThat(browser.text()).contains("Sign-in paused");
        browser.assertAccessible().screenshot("admin-helpers-sign-in-paused");
        browser.press("Unlock sign-in");
        assertThat(browser.text()).contains("Sign-in unlocked for " + remy.username()).doesNotContain("Sign-in paused");
        browser.press("Sign out");

        browser.signIn(remy.username(), TestOrganisation.PASSWORD);
        assertThat(browser.currentPath()).isEqualTo("/caseload");
    }
}
