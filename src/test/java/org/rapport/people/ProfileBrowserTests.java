package org.rapport.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.browser.Browser;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A helper opens their profile from their name in the header, adds their pronouns and registration, and is shown by their new name. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProfileBrowserTests {

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;

    Browser browser;

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void aHelperFillsInTheirProfile() {
        Staff remy = new TestOrganisation(accounts, people, "Harbour Mentoring").aHelper("Remy Castell");
        browser = Browser.open("http://localhost:" + port, Browser.PHONE);
        browser.signIn(remy.username(), TestOrganisation.PASSWORD);

        browser.follow("Remy Castell");
        assertThat(browser.heading()).isEqualTo("Your profile");
        browser.fill("Name", "Remy Castell-Ode").fill("Pronouns (optional)", "he/him")
                .fill("Registered with", "BACP").press("Save my profile");
        assertThat(browser.text("profile-problem")).contains("your number there");
        browser.fill("Registration number", "00123456").press("Save my profile");

        assertThat(browser.text()).contains("Your profile is saved.");
        assertThat(browser.field("Pronouns (optional)").getDomProperty("value")).isEqualTo("he/him");
        assertThat(browser.driver().findElement(org.openqa.selenium.By.cssSelector(".who")).getText()).isEqualTo("Remy Castell-Ode");
        browser.assertAccessible().screenshot("profile");
    }
}
