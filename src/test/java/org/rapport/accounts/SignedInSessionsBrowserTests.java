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
 * A helper signed in on a work computer ends that session from their phone; later their admin
 * deactivates them when they leave, and the phone is signed out too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignedInSessionsBrowserTests {

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;

    Browser workComputer;
    Browser phone;
    Browser adminsComputer;

    @AfterEach
    void closeTheBrowsers() {
        for (Browser browser : new Browser[] {workComputer, phone, adminsComputer}) {
            if (browser != null) browser.close();
        }
    }

    @Test
    void aHelperEndsASessionLeftOpenAndIsSignedOutEverywhereWhenDeactivated() {
        TestOrganisation harbour = new TestOrganisation(accounts, people, "Harbour Mentoring");
        Staff remy = harbour.aHelper("Remy Castell");
        Staff admin = harbour.anAdmin("Noor Haddad");
        workComputer = Browser.open("http://localhost:" + port, Browser.DESKTOP);
        workComputer.signIn(remy.username(), TestOrganisation.PASSWORD);
        phone = Browser.open("http://localhost:" + port, Browser.PHONE);
        phone.signIn(remy.username(), TestOrganisation.PASSWORD);

        phone.follow("Your sign-ins");
        assertThat(phone.heading()).isEqualTo("Where you are signed in");
        assertThat(phone.text()).contains("This session").contains("Chrome on Linux");
        phone.assertAccessible().screenshot("signed-in-sessions");
        phone.press("End");
        assertThat(phone.text()).contains("Ended the session");
        phone.assertAccessible();

        workComputer.visit("/caseload");
        assertThat(workComputer.heading()).isEqualTo("Sign in to Rapport");

        adminsComputer = Browser.open("http://localhost:" + port, Browser.DESKTOP);
        adminsComputer.signIn(admin.username(), TestOrganisation.PASSWORD);
        adminsComputer.visit("/admin/helpers").press("Deactivate");
        assertThat(adminsComputer.text()).contains("Deactivated " + remy.username()).contains("Reactivate");
        adminsComputer.assertAccessible().screenshot("helper-deactivated");

        phone.visit("/caseload");
        assertThat(phone.heading()).isEqualTo("Sign in to Rapport");
    }
}
