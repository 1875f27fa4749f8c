package org.rapport.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.alerts.AlertFixtures.aReferral;
import static org.rapport.testing.TestOrganisation.PASSWORD;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rapport.accounts.AccountManagement;
import org.rapport.browser.Browser;
import org.rapport.measures.MeasureManagement;
import org.rapport.measures.PlanEntry;
import org.rapport.measures.PlanTiming;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.relationships.Urgency;
import org.rapport.sessions.NewSession;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionOutcome;
import org.rapport.sessions.SessionRecord;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In a browser, on a desktop and a phone: a former client's alert above the caseload, acknowledged
 * from their page; a lapsing alert from the daily sweep; the measures due on the quick record form
 * and the session page, with a link sent from there; and recovery on the relationship page. Every
 * page passes axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IssueGapsBrowserTests {

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired MeasureManagement measures;
    @Autowired AlertManagement alerts;
    @Autowired AlertSweep sweep;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;

    Browser browser;
    AlertFixtures brookside;
    Staff lee;
    RelationshipId robin;
    RelationshipId sam;
    RelationshipId kit;
    SessionId robinsSession;

    @BeforeEach
    void aCaseloadWithAFormerClientALapseAndARecovery() {
        brookside = new AlertFixtures(accounts, people, "Brookside Counselling");
        lee = brookside.aHelper("Lee Marsh");
        LocalDate today = LocalDate.now(clock);
        robin = takeOn("Robin Fairweather", today.minusWeeks(10));
        kit = takeOn("Kit Amberley", today.minusWeeks(12));
        sam = takeOn("Sam Okafor", today.minusWeeks(30));
        brookside.run(lee, () -> {
            measures.setPlan(robin, List.of(new PlanEntry("phq-9", PlanTiming.EVERY_SESSION, null),
                    new PlanEntry("gad-7", PlanTiming.EVERY_SESSION, null),
                    new PlanEntry("rapport-check-in", PlanTiming.EVERY_N_SESSIONS, 4)));
            robinsSession = held(robin, today.minusDays(14), SessionOutcome.ATTENDED);
            measures.enterInSession(robin, "phq-9", answers(2, 2, 2, 2, 2, 2, 2, 2, 0), robinsSession);
            measures.enterInSession(robin, "gad-7", answers(2, 2, 2, 2, 2, 1, 1), robinsSession);
            SessionId later = held(robin, today.minusDays(2), SessionOutcome.ATTENDED);
            measures.enterInSession(robin, "phq-9", answers(1, 1, 1, 1, 0, 0, 0, 0, 0), later);
            measures.enterInSession(robin, "gad-7", answers(1, 1, 1, 1, 1, 0, 0), later);
            held(kit, today.minusDays(30), SessionOutcome.ATTENDED);
            held(kit, today.minusDays(20), SessionOutcome.DID_NOT_ATTEND);
            held(kit, today.minusDays(10), SessionOutcome.DID_NOT_ATTEND);
        });
        brookside.endTheRelationship(lee, relationships, sam);
        UUID samsParty = brookside.as(lee, () -> relationships.describe(sam).clientPartyId());
        brookside.inScope(() -> transactions.execute(s -> alerts.raise(sam, samsParty, AlertKind.NOT_ON_TRACK,
                "Not on track", "The follow-up PHQ-9 score is a reliable deterioration since the first.", UUID.randomUUID())));
        sweep.sweep(brookside.id());
        SecurityContextHolder.clearContext();
        browser = Browser.open("http://localhost:" + port, Browser.DESKTOP);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    RelationshipId takeOn(String client, LocalDate referredOn) {
        return brookside.as(lee, () -> {
            RelationshipId id = relationships.refer(aReferral(client, lee, Urgency.ROUTINE, referredOn));
            relationships.changeStatus(id, relationships.overview(id).version(), RelationshipStatus.ACTIVE, "Taken on");
            return id;
        });
    }

    SessionId held(RelationshipId relationship, LocalDate on, SessionOutcome outcome) {
        return sessions.recordUnscheduled(relationship, new NewSession(on, LocalTime.of(10, 0), 50, MeetingMode.IN_PERSON,
                "Room 2"), new SessionRecord(outcome, Map.of(), Set.of()));
    }

    static Map<String, Integer> answers(int... values) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) answers.put(String.valueOf(i + 1), values[i]);
        return answers;
    }

    /** A screenshot of one part of the page, to look at it closely. */
    void screenshotOf(String id, String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            java.io.File shot = browser.driver().findElement(By.id(id)).getScreenshotAs(org.openqa.selenium.OutputType.FILE);
            java.nio.file.Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void onAPhone() {
        browser.driver().manage().window().setSize(Browser.PHONE);
    }

    @Test
    void aFormerClientsAlertStandsAboveTheCaseloadUntilTheHelperAcknowledgesIt() {
        browser.signIn(lee.username(), PASSWORD);
        assertThat(browser.heading()).isEqualTo("Caseload");
        assertThat(browser.text("former-clients")).contains("Former clients needing attention", "Sam Okafor", "Ended", "Not on track");
        assertThat(browser.text("caseload")).contains("Kit Amberley", "Lapsing").doesNotContain("Sam Okafor");
        browser.assertAccessible().screenshot("gaps-caseload-former-clients-desktop");
        onAPhone();
        browser.visit("/caseload");
        browser.assertAccessible().screenshot("gaps-caseload-former-clients-phone");

        browser.followFirstLinkIn("former-clients");
        assertThat(browser.heading()).contains("Sam Okafor");
        assertThat(browser.text("alerts")).contains("Not on track", "reliable deterioration");
        browser.fill("What you did", "Wrote to Sam offering a new referral.").press("Acknowledge");
        assertThat(browser.text("alerts")).contains("Acknowledged", "Wrote to Sam");
        browser.assertAccessible();

        browser.visit("/caseload");
        assertThat(browser.driver().findElements(By.id("former-clients"))).isEmpty();
    }

    @Test
    void theMeasuresDueAreOfferedWhenRecordingAndOnTheSessionPageAndRecoveryIsShown() {
        browser.signIn(lee.username(), PASSWORD);
        browser.visit("/relationships/" + robin.value() + "/record");
        assertThat(browser.text("measures-due")).contains("Session 3 by the measurement plan", "PHQ-9", "GAD-7",
                "Enter answers now", "Send a link").doesNotContain("Check-in");
        browser.assertAccessible().screenshot("gaps-quick-record-measures-due-desktop");
        onAPhone();
        browser.visit("/relationships/" + robin.value() + "/record");
        browser.assertAccessible().screenshot("gaps-quick-record-measures-due-phone");

        browser.driver().findElement(By.cssSelector("#due-phq-9 button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.id("measure-link")).isEmpty());
        assertThat(browser.driver().findElement(By.id("measure-link")).getDomProperty("value")).contains("/m/");

        assertThat(browser.text("measures-recovery")).contains("Recovery (NHS Talking Therapies)", "Recovered",
                "Reliable improvement", "Reliably recovered", "PHQ-9 16 → 4; GAD-7 12 → 5");
        assertThat(browser.text("health-recovery")).contains("Reliably recovered");
        browser.assertAccessible().screenshot("gaps-relationship-recovery-phone");
        screenshotOf("measures", "gaps-measures-panel-phone");
        screenshotOf("health-recovery", "gaps-health-recovery-phone");
        browser.driver().manage().window().setSize(Browser.DESKTOP);
        browser.visit("/relationships/" + robin.value());
        screenshotOf("measures", "gaps-measures-panel-desktop");
        screenshotOf("health", "gaps-health-panel-desktop");

        browser.driver().manage().window().setSize(Browser.DESKTOP);
        browser.visit("/sessions/" + robinsSession.value());
        assertThat(browser.text("measures-due")).contains("Session 1 by the measurement plan", "Check-in",
                "Answered at this session");
        browser.assertAccessible().screenshot("gaps-session-measures-due-desktop");
        onAPhone();
        browser.visit("/sessions/" + robinsSession.value());
        browser.assertAccessible().screenshot("gaps-session-measures-due-phone");
        screenshotOf("measures-due", "gaps-session-measures-due-card-phone");
        browser.driver().findElement(By.cssSelector("#due-rapport-check-in a.button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(d -> d.getCurrentUrl().contains("/measures/rapport-check-in/enter"));
        browser.assertAccessible();
    }
}
