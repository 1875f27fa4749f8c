package org.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.browser.Browser;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** A page someone's role does not allow says so, in its title and its heading, not "something went wrong". */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class NotAllowedPageBrowserTests {

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    Browser browser;

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void anAdminPageOpenedByAHelperIsTitledNotAllowed() {
        Staff ash = new TestOrganisation(accounts, people, "Riverside Counselling").aHelper("Ash Marlow");
        browser = Browser.open("http://localhost:" + port, Browser.PHONE);
        browser.signIn(ash.username(), TestOrganisation.PASSWORD);
        browser.visit("/admin");
        assertThat(browser.title()).isEqualTo("Not allowed · Rapport");
        assertThat(browser.heading()).isEqualTo("Not allowed");
        browser.assertAccessible();
    }
}
