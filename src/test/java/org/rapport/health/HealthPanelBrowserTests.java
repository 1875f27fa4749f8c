package org.rapport.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.accounts.AccountManagement;
import org.rapport.browser.Browser;
import org.rapport.goals.GoalManagement;
import org.rapport.measures.MeasureManagement;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.sessions.SessionManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A helper opens a relationship with a few weeks of work and sees its health drawn: the charts
 * render under the Content-Security-Policy, their tables hold the same numbers, axe-core finds
 * nothing serious, and the panel reads on a desktop and on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HealthPanelBrowserTests {

    /** Collects Content-Security-Policy violations from the first moment of every page. */
    private static final String WATCH_CSP = "window.cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + " window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI); });";

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired GoalManagement goals;
    @Autowired MeasureManagement measures;
    @Autowired Clock clock;

    Browser browser;
    Staff ash;
    RelationshipId robin;

    @BeforeEach
    void aRelationshipWithFourWeeksOfWork() {
        HealthFixtures riverside = new HealthFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        LocalDate today = LocalDate.now(clock);
        robin = riverside.as(ash, () -> relationships.refer(HealthFixtures.aReferral("Robin Fairweather", ash, today.minusDays(60))));
        riverside.fourWeeksOfWork(ash, robin, today, sessions, goals, measures);
        SecurityContextHolder.clearContext();
        browser = Browser.open("http://localhost:" + port, Browser.DESKTOP);
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH_CSP));
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void aHelperSeesTheRelationshipsHealthDrawnWithItsNumbers() {
        browser.signIn(ash.username(), TestOrganisation.PASSWORD);
        browser.visit("/relationships/" + robin);
        List<WebElement> figures = waitForTheCharts();

        assertThat(figures).extracting(f -> f.getDomAttribute("id"))
                .containsExactly("health-phq-9", "health-rapport-check-in", "health-t-score", "health-attendance");
        for (WebElement figure : figures) {
            WebElement canvas = figure.findElement(By.tagName("canvas"));
            assertThat(((Number) browser.driver().executeScript("return arguments[0].width", canvas)).intValue())
                    .as("width of the chart in #" + figure.getDomAttribute("id")).isGreaterThan(0);
            assertThat(canvas.getDomAttribute("role")).isEqualTo("img");
            assertThat(canvas.getDomAttribute("aria-label")).isNotBlank();
            assertThat(figure.findElement(By.tagName("figcaption")).getText()).isNotBlank();
        }
        assertThat(browser.text("health-phase")).startsWith("Phase 1 of 5: ");
        assertThat(figures.get(0).findElement(By.tagName("canvas")).getDomAttribute("aria-label"))
                .contains("2 scores, from 20", "to 12", "cut-off 10", "within or below the expected-change band");
        assertThat(tableText("health-phq-9-table")).contains("20", "Severe", "12", "Moderate", "19.0, no more than 25.0");
        assertThat(tableText("health-rapport-check-in-table")).contains("40", "Below", "47", "At or above");
        assertThat(tableText("health-attendance-table")).contains("Attended", "Did not attend", "Cancelled by the client");
        assertThat(tableText("health-t-score-table")).contains(LocalDate.now(clock).minusDays(21).getYear() + "");
        assertThat(browser.text("health-attendance")).contains("4 sessions recorded: 2 attended, 1 not attended, 1 cancelled.",
                "1 more session is scheduled.");
        assertNoContentSecurityViolations();
        browser.assertAccessible().screenshot("health-desktop");
        figures.forEach(f -> shoot(f, "health-desktop-" + f.getDomAttribute("id")));

        browser.driver().findElement(By.cssSelector("#health-phq-9 summary")).click();
        assertThat(browser.text("health-phq-9-table")).contains("19.0, no more than 25.0");
        browser.assertAccessible();

        browser.driver().manage().window().setSize(Browser.PHONE);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d -> canvasWidth("health-attendance") < 390);
        assertThat(canvasWidth("health-phq-9")).isGreaterThan(250);
        browser.assertAccessible().screenshot("health-phone");
        waitForTheCharts().forEach(f -> shoot(f, "health-phone-" + f.getDomAttribute("id")));
        assertNoContentSecurityViolations();
    }

    private List<WebElement> waitForTheCharts() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d ->
                !d.findElements(By.cssSelector("#health figure.health-chart")).isEmpty()
                        && d.findElements(By.cssSelector("#health figure.health-chart:not([data-drawn=true])")).isEmpty());
        return browser.driver().findElements(By.cssSelector("#health figure.health-chart"));
    }

    /** Saves one chart's figure as a person sees it, under target/screenshots. */
    private void shoot(WebElement figure, String name) {
        try {
            browser.driver().executeScript("arguments[0].scrollIntoView()", figure);
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.copy(figure.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tableText(String id) {
        return browser.driver().findElement(By.id(id)).getDomProperty("textContent");
    }

    private int canvasWidth(String figureId) {
        return ((Number) browser.driver().executeScript(
                "return document.querySelector('#' + arguments[0] + ' canvas').getBoundingClientRect().width", figureId)).intValue();
    }

    @SuppressWarnings("unchecked")
    private void assertNoContentSecurityViolations() {
        List<Object> violations = (List<Object>) browser.driver().executeScript("return window.cspViolations || []");
        assertThat(violations).as("Content-Security-Policy violations").isEmpty();
        List<String> consoleErrors;
        try {
            consoleErrors = browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                    .map(LogEntry::getMessage).toList();
        } catch (RuntimeException unsupported) {
            consoleErrors = List.of();
        }
        assertThat(consoleErrors).as("console warnings and errors").noneMatch(m -> m.contains("Content Security Policy")
                || m.contains("Content-Security-Policy") || m.contains("health-charts") || m.contains("chart.umd"));
    }
}
