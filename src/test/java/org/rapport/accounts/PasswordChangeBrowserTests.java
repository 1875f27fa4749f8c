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
 * A helper on their phone changes their password: a mistyped current password is said beside it,
 * then the change goes through, and the new password is the one that signs in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PasswordChangeBrowserTests {

    static final String NEW_PASSWORD = "lantern kettle meadow quill";

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;

    Browser browser;

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void aHelperChangesTheirPassword() {
        Staff remy = new TestOrganisation(accounts, people, "Harbour Mentoring").aHelper("Remy Castell");
        browser = Browser.open("http://localhost:" + port, Browser.PHONE);
        browser.signIn(remy.username(), TestOrganisation.PASSWORD);

        browser.follow("Password");
        browser.fill("Current password", "mistyped-password-1").fill("New password", NEW_PASSWORD)
                .fill("New password again", NEW_PASSWORD).press("Change my password");
        assertThat(browser.text("current-problem")).isEqualTo("That is not your current password.");
        browser.assertAccessible().screenshot("password-change-refused");

        browser.fill("Current password", TestOrganisation.PASSWORD).fill("New password", NEW_PASSWORD)
                .fill("New password again", NEW_PASSWORD).press("Change my password");
        assertThat(browser.text()).contains("Your password is changed");
        browser.assertAccessible().screenshot("password-changed");

        browser.press("Sign out");
        browser.signIn(remy.username(), NEW_PASSWORD);
        assertThat(browser.currentPath()).doesNotStartWith("/login");
    }
}
