package org.rapport.followups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.followups.FollowUpFixtures.aReferral;
import static org.rapport.testing.TestOrganisation.PASSWORD;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rapport.accounts.AccountManagement;
import org.rapport.browser.Browser;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.testing.TravellingClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * On a phone, a month after the work with Robin ended: the helper finds the follow-up due on the
 * caseload and creates the link; Robin, with nobody signed in, answers the PHQ-9 and asks to get
 * back in touch; the helper then sees the new referral, linked to the earlier relationship. A
 * reconnect link from an ending letter is answered the same way. Every page is scanned with axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TravellingClock.Configuration.class)
class FollowUpPagesBrowserTests {

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired FollowUpManagement followUps;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired TravellingClock clock;

    Browser browser;
    FollowUpFixtures brookside;
    Staff lee;
    RelationshipId robin;
    LocalDate today;

    @BeforeEach
    void theWorkWithRobinEndedAMonthAgo() {
        clock.reset();
        today = LocalDate.now(clock);
        brookside = new FollowUpFixtures(accounts, people, relationships, events, transactions, "Brookside Counselling");
        lee = brookside.aHelper("Lee Marsh");
        robin = brookside.as(lee, () -> relationships.refer(aReferral("Robin Fairweather", lee, today.minusMonths(4))));
        brookside.closeWithFollowUps(lee, robin, today, List.of(today.plusMonths(1), today.plusMonths(3)), "phq-9");
        clock.travelTo(today.plusMonths(1));
        followUps.releaseDue();
        SecurityContextHolder.clearContext();
        browser = Browser.open("http://localhost:" + port, Browser.PHONE);
    }

    @AfterEach
    void closeTheBrowser() {
        clock.reset();
        if (browser != null) browser.close();
    }

    @Test
    void robinAnswersTheFollowUpOnTheirPhoneAndAsksToComeBack() {
        browser.signIn(lee.username(), PASSWORD);
        assertThat(browser.heading()).isEqualTo("Caseload");
        assertThat(browser.text("follow-ups-due")).contains("Follow-ups due", "Robin Fairweather");
        browser.assertAccessible().screenshot("follow-ups-caseload-due-phone");

        browser.pressWithin("follow-ups-due", "Create the link");
        String link = browser.driver().findElement(By.id("follow-up-link")).getDomProperty("value");
        assertThat(link).matches("http://localhost:\\d+/f/[A-Za-z0-9_-]{43}");
        assertThat(browser.text("follow-ups")).contains("Link created");
        browser.assertAccessible().screenshot("follow-ups-link-created-phone");

        // Robin has nobody signed in.
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(link);
        assertThat(browser.heading()).isEqualTo("Hello Robin");
        assertThat(browser.text()).doesNotContain("Fairweather").doesNotContain("Lee Marsh").doesNotContain("Brook Lane");
        browser.assertAccessible().screenshot("follow-ups-client-form-phone");

        browser.press("Send");
        assertThat(browser.text()).contains("Say whether you would like to get back in touch");
        browser.assertAccessible();
        for (int item = 1; item <= 9; item++) answer(item, 1);
        browser.driver().findElement(By.cssSelector("label[for='contact-yes']")).click();
        browser.fill("Anything you would like to say (you can leave this empty)", "The winter has been hard again.");
        browser.press("Send");
        assertThat(browser.heading()).isEqualTo("Thank you");
        assertThat(browser.text()).contains("You asked to get back in touch");
        browser.assertAccessible().screenshot("follow-ups-client-thanks-phone");

        browser.driver().get(link);
        assertThat(browser.heading()).isEqualTo("This link can no longer be used");
        browser.assertAccessible().screenshot("follow-ups-client-gone-phone");

        // Lee sees the new referral, linked to the earlier work.
        browser.signIn(lee.username(), PASSWORD);
        assertThat(browser.text("caseload")).contains("Robin Fairweather", "Referred");
        browser.visit("/relationships/" + robin.value());
        assertThat(browser.text("follow-ups")).contains("Answered", "Asked to get back in touch");
        browser.assertAccessible().screenshot("follow-ups-earlier-relationship-phone");
        browser.followFirstLinkIn("continued-in");
        assertThat(browser.text("continues-from")).startsWith("Continues the work that ended on");
        assertThat(browser.text()).contains("The client asked to get back in touch", "The winter has been hard again.");
        browser.assertAccessible().screenshot("follow-ups-new-referral-phone");
        browser.followFirstLinkIn("continues-from");
        assertThat(browser.currentPath()).isEqualTo("/relationships/" + robin.value());
    }

    @Test
    void aReconnectLinkFromTheEndingLetterBringsTheClientBack() {
        RelationshipId aled = brookside.as(lee, () -> relationships.refer(aReferral("Aled Brightwater", lee, today.minusMonths(2))));
        brookside.closeWithFollowUps(lee, aled, LocalDate.now(clock), List.of(), null);
        String path = brookside.as(lee, () -> followUps.issue(aled));
        SecurityContextHolder.clearContext();

        browser.visit(path);
        assertThat(browser.heading()).isEqualTo("Would you like to get back in touch with Lee Marsh?");
        assertThat(browser.text()).doesNotContain("Aled").doesNotContain("Brightwater");
        browser.assertAccessible().screenshot("follow-ups-reconnect-phone");
        browser.press("Yes, get back in touch");
        assertThat(browser.heading()).isEqualTo("Thank you");
        browser.assertAccessible().screenshot("follow-ups-reconnect-thanks-phone");

        browser.visit(path);
        assertThat(browser.heading()).isEqualTo("This link can no longer be used");
    }

    private void answer(int item, int value) {
        browser.driver().findElement(By.cssSelector("label[for='item-" + item + "-" + value + "']")).click();
    }
}
