package org.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.browser.Browser;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A counsellor who forgot their password asks for a link from the sign-in page on their phone,
 * chooses a new password from it, and signs in; the laptop they left signed in is signed out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PasswordResetBrowserTests {

    static final String NEW_PASSWORD = "meadow kettle orchard quill";

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired JdbcClient jdbc;

    Browser laptop;
    Browser phone;

    @AfterEach
    void closeTheBrowsers() {
        if (laptop != null) laptop.close();
        if (phone != null) phone.close();
    }

    @Test
    void aCounsellorWhoForgotTheirPasswordChoosesANewOne() {
        TestOrganisation harbour = new TestOrganisation(accounts, people, "Harbour Mentoring");
        Staff noor = harbour.staffWithEmail("Noor Haddad", Role.HELPER);
        laptop = Browser.open("http://localhost:" + port, Browser.DESKTOP);
        laptop.signIn(noor.username(), TestOrganisation.PASSWORD);

        phone = Browser.open("http://localhost:" + port, Browser.PHONE);
        phone.visit("/login").follow("Forgot your password?");
        phone.press("Send me a link");
        assertThat(phone.text("email-problem")).contains("email address");
        phone.assertAccessible();
        phone.fill("Email address", noor.username()).press("Send me a link");
        assertThat(phone.heading()).isEqualTo("Check your mail");
        phone.assertAccessible().screenshot("password-reset-asked");

        phone.visit("/reset-password/" + tokenSentTo(harbour, noor.username()));
        phone.fill("New password", NEW_PASSWORD).fill("New password again", NEW_PASSWORD).press("Change my password");
        assertThat(phone.heading()).isEqualTo("Your password is changed");
        phone.assertAccessible().screenshot("password-reset-done");

        phone.follow("Sign in");
        phone.signIn(noor.username(), NEW_PASSWORD);
        assertThat(phone.currentPath()).doesNotStartWith("/login");
        laptop.visit("/caseload");
        assertThat(laptop.currentPath()).as("the laptop is signed out").startsWith("/login");
    }

    private String tokenSentTo(TestOrganisation organisation, String email) {
        String body = organisation.inScope(() -> jdbc.sql("select text_body from mail_message where recipient = ?"
                + " and template = 'password-reset'").param(email).query(String.class).single());
        Matcher link = PasswordResetIntegrationTests.LINK.matcher(body);
        assertThat(link.find()).isTrue();
        return link.group(1);
    }
}
