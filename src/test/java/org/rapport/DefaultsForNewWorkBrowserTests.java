package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.rapport.accounts.AccountManagement;
import org.rapport.browser.Browser;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An admin sets up what new work starts with, in a browser: the default process model and the
 * measurement plan for new work; a helper's referral form then offers that model first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DefaultsForNewWorkBrowserTests {

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    Browser browser;

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void anAdminChoosesTheModelAndPlanNewWorkStartsWith() {
        TestOrganisation riverside = new TestOrganisation(accounts, people, "Riverside Counselling");
        Staff alex = riverside.staff("Alex Ward", org.rapport.accounts.Role.ADMIN, org.rapport.accounts.Role.HELPER);
        browser = Browser.open("http://localhost:" + port, Browser.DESKTOP);
        browser.signIn(alex.username(), TestOrganisation.PASSWORD);

        browser.visit("/admin").follow("Process models").press("Make Nurse–client relationship the default");
        assertThat(browser.text()).contains("New referrals now follow Nurse–client relationship");
        browser.assertAccessible();

        browser.visit("/admin").follow("Measurement plan for new work");
        browser.driver().findElement(By.id("include-phq-9")).click();
        new Select(browser.driver().findElement(By.id("timing-phq-9"))).selectByVisibleText("Every few sessions");
        browser.driver().findElement(By.id("every-phq-9")).sendKeys("1");
        browser.press("Save the plan");
        assertThat(browser.text()).as("refused, and kept as typed").contains("from 2 to 52");
        assertThat(browser.driver().findElement(By.id("every-phq-9")).getDomProperty("value")).isEqualTo("1");
        browser.driver().findElement(By.id("every-phq-9")).clear();
        browser.driver().findElement(By.id("every-phq-9")).sendKeys("4");
        browser.press("Save the plan");
        assertThat(browser.text()).contains("The measurement plan for new work is saved", "PHQ-9 every 4 sessions");
        browser.assertAccessible().screenshot("measurement-plan-for-new-work");

        browser.visit("/referrals/new");
        assertThat(new Select(browser.field("Process model")).getFirstSelectedOption().getText())
                .isEqualTo("Nurse–client relationship");
    }
}
