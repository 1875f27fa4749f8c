package org.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
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
 * An admin invites a new counsellor from the helpers page; the counsellor opens the link from the
 * mail on their phone, chooses a password (a mistyped second copy is said beside it) and signs in
 * with their email address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InvitationBrowserTests {

    static final String CHOSEN = "meadow lantern thistle quay";

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired JdbcClient jdbc;

    Browser admin;
    Browser phone;

    @AfterEach
    void closeTheBrowsers() {
        if (admin != null) admin.close();
        if (phone != null) phone.close();
    }

    @Test
    void anInvitedCounsellorChoosesTheirPasswordAndSignsIn() {
        TestOrganisation harbour = new TestOrganisation(accounts, people, "Harbour Mentoring");
        Staff alex = harbour.anAdmin("Alex Ward");
        String email = "noor.haddad-" + UUID.randomUUID().toString().substring(0, 8) + "@harbour.example";
        admin = Browser.open("http://localhost:" + port, Browser.DESKTOP);
        admin.signIn(alex.username(), TestOrganisation.PASSWORD);

        admin.visit("/admin").follow("Helpers").follow("Invite a helper by email");
        admin.assertAccessible().screenshot("invite-helper");
        admin.fill("Name", "Noor Haddad").fill("Email address", email).choose("Discipline", "Counsellor")
                .press("Send the invitation");
        assertThat(admin.text()).contains("Invited Noor Haddad.", "Admin → Mail");
        assertThat(admin.text()).contains("Invited: the link works until");
        admin.assertAccessible();

        phone = Browser.open("http://localhost:" + port, Browser.PHONE);
        phone.visit("/invitation/" + tokenSentTo(harbour, email));
        assertThat(phone.heading()).isEqualTo("Welcome, Noor Haddad");
        phone.fill("Password", CHOSEN).fill("Password again", CHOSEN + "!").press("Choose my password");
        assertThat(phone.text("repeated-problem")).contains("not the same");
        phone.assertAccessible().screenshot("invitation-choose-password");
        phone.fill("Password", CHOSEN).fill("Password again", CHOSEN).press("Choose my password");
        assertThat(phone.heading()).isEqualTo("Your password is set");
        phone.assertAccessible();

        phone.follow("Sign in");
        phone.signIn(email, CHOSEN);
        assertThat(phone.currentPath()).doesNotStartWith("/login");

        admin.visit("/admin/helpers");
        assertThat(admin.text()).contains(email).doesNotContain("Invited: the link works until");
    }

    private String tokenSentTo(TestOrganisation organisation, String email) {
        String body = organisation.inScope(() -> jdbc.sql("select text_body from mail_message where recipient = ?")
                .param(email).query(String.class).single());
        Matcher link = InvitationsIntegrationTests.LINK.matcher(body);
        assertThat(link.find()).isTrue();
        return link.group(1);
    }
}
