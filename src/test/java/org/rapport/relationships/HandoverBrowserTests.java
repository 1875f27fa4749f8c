package org.rapport.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.relationships.RelationshipFixtures.PASSWORD;
import static org.rapport.relationships.RelationshipFixtures.aReferral;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.browser.Browser;
import org.rapport.people.PeopleManagement;
import org.rapport.sessions.NewSession;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionOutcome;
import org.rapport.sessions.SessionRecord;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A handover in a real browser: Ash hands Robin over to Sam, Sam signs in and confirms, records
 * Robin's acceptance of the agreement again, and the page shows continuity. Every page is scanned
 * with axe-core and photographed, on a desktop and on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HandoverBrowserTests {

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired Clock clock;

    Browser browser;
    RelationshipFixtures brookside;
    Staff ash;
    Staff sam;
    RelationshipId robin;

    @BeforeEach
    void ashLeadsRobinWithTwoSessionsHeldAndOneToCome() {
        brookside = new RelationshipFixtures(accounts, people, "Brookside Counselling");
        ash = brookside.aHelper("Ash Marlow");
        sam = brookside.aHelper("Sam Lee");
        LocalDate today = LocalDate.now(clock);
        robin = brookside.as(ash, () -> relationships.refer(aReferral("Robin Fairweather", ash, "five-stage",
                Urgency.SOON, today.minusWeeks(6), null)));
        brookside.run(ash, () -> {
            relationships.changeStatus(robin, 0, RelationshipStatus.ACTIVE, "Starting");
            relationships.reviseAgreement(robin, 1, RelationshipTests.termsReviewedOn(today.plusWeeks(6)), null);
            relationships.acceptAgreement(robin, 1, today, AcceptanceMethod.IN_SESSION);
            for (int weeks : new int[] {3, 2}) {
                sessions.recordUnscheduled(robin, new NewSession(today.minusWeeks(weeks), LocalTime.of(10, 0), 50,
                        MeetingMode.IN_PERSON, "Room 2"), new SessionRecord(SessionOutcome.ATTENDED, Map.of(), Set.of()));
            }
            sessions.schedule(robin, new NewSession(today.plusDays(5), LocalTime.of(10, 0), 50, MeetingMode.VIDEO, null));
        });
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void ashHandsOverSamConfirmsTheClientAcceptsAgainAndContinuityShows() {
        browser = Browser.open("http://localhost:" + port, Browser.DESKTOP);
        browser.signIn(ash.username(), PASSWORD);
        browser.follow("Robin Fairweather");
        assertThat(browser.text("continuity")).isEqualTo("Continuity: 2 of 2 attended sessions with Ash Marlow (100%)");
        browser.press("Hand over to another helper…");
        assertThat(browser.heading()).isEqualTo("Hand over to another helper");
        browser.assertAccessible().screenshot("handover-form");

        browser.press("Hand over");
        assertThat(browser.text()).contains("The relationship was not handed over",
                "Choose the helper who takes the relationship over.", "Write the handover note for the new helper.");
        browser.assertAccessible().screenshot("handover-form-refused");

        browser.choose("New lead helper", "Sam Lee").check("Caseload")
                .fill("Handover note for the new helper", "Robin sleeps better and wants to try the return to work.\n"
                        + "Robin knows about the change and is glad to meet Sam.")
                .press("Hand over");
        assertThat(browser.heading()).isEqualTo("Caseload");
        assertThat(browser.text()).contains("Handed over to Sam Lee. The relationship has left your caseload.");
        assertThat(browser.text()).doesNotContain("Robin Fairweather");
        browser.assertAccessible();
        browser.press("Sign out");

        browser.signIn(sam.username(), PASSWORD);
        assertThat(browser.text("caseload")).contains("Robin Fairweather");
        browser.follow("Robin Fairweather");
        assertThat(browser.text("handover-notice")).contains("Handed over to Sam Lee. Still awaited:");
        assertThat(browser.text("awaited")).contains("Sam Lee to confirm taking the work on",
                "The client's acceptance of the working agreement (revision 2).");
        assertThat(browser.text("handover")).contains("From Ash Marlow to Sam Lee", "Reason: Caseload",
                "Robin sleeps better");
        assertThat(browser.text("continuity")).isEqualTo("Continuity: 0 of 2 attended sessions with Sam Lee (0%)");
        assertThat(browser.text("sessions")).contains("Coming up");
        browser.assertAccessible().screenshot("relationship-handed-over");
        card("handover", "handover-card-awaited");

        browser.press("Confirm I take the work on");
        assertThat(browser.text()).contains("You have confirmed taking the work on.");
        assertThat(browser.text("awaited")).doesNotContain("Sam Lee to confirm")
                .contains("The client's acceptance of the working agreement (revision 2).");
        browser.choose("How", "Signed a copy").press("Record acceptance");
        assertThat(browser.text("handover")).contains("Handover complete");
        assertThat(browser.text("agreement")).contains("Revision 2", "Accepted");
        assertThat(browser.text("timeline")).contains("Handed over from Ash Marlow to Sam Lee",
                "Sam Lee confirmed taking the work on", "Client accepted revision 2");
        browser.assertAccessible().screenshot("relationship-handover-complete");
        card("handover", "handover-card-complete");
    }

    @Test
    void theHandoverFormAndRecordReadWellOnAPhone() {
        browser = Browser.open("http://localhost:" + port, Browser.PHONE);
        browser.signIn(ash.username(), PASSWORD);
        browser.visit("/relationships/" + robin + "/handover");
        browser.assertAccessible().screenshot("handover-form-phone");
        assertThat(overflow()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
        browser.choose("New lead helper", "Sam Lee").check("A better fit for the client")
                .fill("Handover note for the new helper", "Sam works with young carers.").press("Hand over");
        browser.press("Sign out");
        browser.signIn(sam.username(), PASSWORD);
        browser.visit("/relationships/" + robin);
        browser.assertAccessible().screenshot("relationship-handed-over-phone");
        card("handover", "handover-card-phone");
        assertThat(overflow()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
    }

    /** A picture of one part of the page, to look at it closely. */
    private void card(String id, String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            var element = browser.driver().findElement(org.openqa.selenium.By.id(id));
            browser.driver().executeScript("arguments[0].scrollIntoView()", element);
            java.io.File shot = element.getScreenshotAs(org.openqa.selenium.OutputType.FILE);
            java.nio.file.Files.copy(shot.toPath(), dir.resolve(name + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int overflow() {
        return ((Number) browser.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
    }
}
