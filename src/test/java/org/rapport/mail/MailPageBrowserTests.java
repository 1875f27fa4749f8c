package org.rapport.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.browser.Browser;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An admin who signs in with their email address changes their password, and finds on the Mail
 * page the notice Rapport wrote to them: waiting at first, then sent, with the folder it went to
 * while no mail server is set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MailPageBrowserTests {

    static final String NEW_PASSWORD = "lantern kettle meadow quill";

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired MailSending sending;

    Browser browser;

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void anAdminSeesTheNoticeOfTheirChangedPasswordOnTheMailPage() {
        Staff alex = new TestOrganisation(accounts, people, "Harbour Mentoring").staffWithEmail("Alex Ward", Role.ADMIN);
        browser = Browser.open("http://localhost:" + port, Browser.DESKTOP);
        browser.signIn(alex.username(), TestOrganisation.PASSWORD);
        browser.follow("Password");
        browser.fill("Current password", TestOrganisation.PASSWORD).fill("New password", NEW_PASSWORD)
                .fill("New password again", NEW_PASSWORD).press("Change my password");

        browser.visit("/admin").follow("Mail");
        assertThat(browser.heading()).isEqualTo("Mail");
        assertThat(browser.text("mail")).contains(alex.username(), "Your Rapport password was changed", "Waiting to be sent");

        sending.sendDue();
        browser.visit("/admin/mail");
        assertThat(browser.text("mail")).contains("Sent").doesNotContain("Waiting to be sent");
        assertThat(browser.text("mail-folder")).contains("No mail server is set");
        browser.assertAccessible().screenshot("mail-page");

        browser.follow("Not sent");
        assertThat(browser.text("mail")).contains("No messages yet.");
    }
}
