package org.rapport.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.measures.MeasureFixtures.aReferral;
import static org.rapport.testing.TestOrganisation.PASSWORD;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.rapport.accounts.AccountManagement;
import org.rapport.browser.Browser;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * On a phone: the helper makes a PHQ-9 link, the client opens it with nobody signed in, answers
 * with the ninth question above "Not at all" and sends; the client's relationship goes to the top
 * of the helper's caseload with the risk badge. Every page passes axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MeasurePagesBrowserTests {

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired Clock clock;

    Browser browser;
    MeasureFixtures brookside;
    Staff lee;
    RelationshipId robin;

    @BeforeEach
    void aHelperWithTwoClients() {
        brookside = new MeasureFixtures(accounts, people, "Brookside Counselling");
        lee = brookside.aHelper("Lee Marsh");
        robin = brookside.as(lee, () -> relationships.refer(aReferral("Robin Fairweather", lee, LocalDate.now(clock).minusWeeks(3))));
        brookside.as(lee, () -> relationships.refer(aReferral("Aled Brightwater", lee, LocalDate.now(clock).minusWeeks(1))));
        SecurityContextHolder.clearContext();
        browser = Browser.open("http://localhost:" + port, Browser.PHONE);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void aClientAnswersAPhq9OnTheirPhoneAndARiskAnswerPutsThemAtTheTopOfTheCaseload() {
        browser.signIn(lee.username(), PASSWORD);
        browser.visit("/relationships/" + robin.value());
        browser.choose("Send a link to answer", "Patient Health Questionnaire (PHQ-9)").press("Make a link");
        String link = browser.driver().findElement(By.id("measure-link")).getDomProperty("value");
        assertThat(link).matches("http://localhost:\\d+/m/[A-Za-z0-9_-]{43}");
        browser.assertAccessible().screenshot("measures-link-made");

        // The client has nobody signed in.
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(link);
        assertThat(browser.heading()).isEqualTo("Hello Robin");
        assertThat(browser.text()).doesNotContain("Fairweather").doesNotContain("Lee Marsh");
        browser.assertAccessible().screenshot("measures-client-form-phone");

        answer(1, 1);
        answer(2, 1);
        browser.press("Save and finish later");
        assertThat(browser.text()).contains("Your answers are saved");
        assertThat(browser.driver().findElement(By.id("item-1-1")).isSelected()).isTrue();
        for (int item = 3; item <= 8; item++) answer(item, 1);
        answer(9, 2);
        browser.press("Send my answers");
        assertThat(browser.heading()).isEqualTo("Thank you");
        browser.assertAccessible().screenshot("measures-client-thanks-phone");

        browser.driver().get(link);
        assertThat(browser.heading()).isEqualTo("This link can no longer be used");
        browser.assertAccessible().screenshot("measures-client-gone-phone");

        browser.signIn(lee.username(), PASSWORD);
        assertThat(browser.heading()).isEqualTo("Caseload");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("main table tbody tr"));
        assertThat(rows.get(0).getText()).contains("Robin Fairweather").contains("Risk item endorsed");
        assertThat(rows.get(1).getText()).contains("Aled Brightwater").doesNotContain("Risk item endorsed");
        browser.assertAccessible().screenshot("measures-caseload-risk-first-phone");

        browser.visit("/relationships/" + robin.value());
        assertThat(browser.text("measures")).contains("Patient Health Questionnaire (PHQ-9)", "10", "Moderate", "Risk item");
        browser.assertAccessible().screenshot("measures-relationship-scores-phone");
    }

    @Test
    void aClientAnswersAPhq9AndACheckInTheCaseloadReordersAndTheHelperActsOnTheAlert() {
        browser.signIn(lee.username(), PASSWORD);
        browser.visit("/relationships/" + robin.value());
        String phq9 = makeLink("Patient Health Questionnaire (PHQ-9)");
        String checkIn = makeLink(checkInLabel());

        // The client, with nobody signed in, answers both on their phone.
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(phq9);
        for (int item = 1; item <= 8; item++) answer(item, 2);
        answer(9, 1);
        browser.press("Send my answers");
        assertThat(browser.heading()).isEqualTo("Thank you");
        browser.driver().get(checkIn);
        assertThat(browser.heading()).isEqualTo("Hello Robin");
        browser.assertAccessible().screenshot("measures-check-in-phone");
        for (String item : List.of("empathy", "regard", "congruence", "goal", "task")) {
            browser.driver().findElement(By.cssSelector("label[for='item-" + item + "-6']")).click();
        }
        browser.press("Send my answers");
        assertThat(browser.heading()).isEqualTo("Thank you");

        // The helper's caseload puts Robin first, with both alerts.
        browser.signIn(lee.username(), PASSWORD);
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("main table tbody tr"));
        assertThat(rows.get(0).getText()).contains("Robin Fairweather", "Risk item endorsed", "Alliance slipping");
        assertThat(rows.get(1).getText()).contains("Aled Brightwater");

        // On the relationship page the helper acknowledges the risk alert with what they did.
        browser.visit("/relationships/" + robin.value());
        assertThat(browser.text("alerts")).contains("Risk item endorsed", "Alliance slipping");
        browser.assertAccessible();
        browser.fill("What you did", "Phoned Robin the same day; talked through a safety plan.").press("Acknowledge");
        assertThat(browser.text("alerts")).contains("Acknowledged", "Phoned Robin the same day");
        browser.assertAccessible().screenshot("measures-alert-acknowledged-phone");

        // The relationship-health panel shows the trajectory and the check-in, with their numbers.
        assertThat(browser.text("health")).contains("PHQ-9");
        WebElement canvas = browser.driver().findElement(By.cssSelector("#health figure canvas"));
        assertThat(canvas.getSize().getWidth()).isPositive();
        assertThat(browser.driver().findElements(By.cssSelector("#health table")).size()).isGreaterThanOrEqualTo(2);
        browser.screenshot("measures-health-panel-phone");

        browser.follow("Caseload");
        rows = browser.driver().findElements(By.cssSelector("main table tbody tr"));
        assertThat(rows.get(0).getText()).contains("Robin Fairweather", "Alliance slipping").doesNotContain("Risk item endorsed");
    }

    private String makeLink(String instrument) {
        browser.choose("Send a link to answer", instrument).press("Make a link");
        return browser.driver().findElement(By.id("measure-link")).getDomProperty("value");
    }

    private String checkInLabel() {
        return browser.driver().findElements(By.cssSelector("#send-instrument option")).stream()
                .map(WebElement::getText).filter(text -> text.contains("check-in")).findFirst().orElseThrow();
    }

    private void answer(int item, int value) {
        browser.driver().findElement(By.cssSelector("label[for='item-" + item + "-" + value + "']")).click();
    }
}
