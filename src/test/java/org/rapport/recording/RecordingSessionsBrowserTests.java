package org.rapport.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.browser.Browser;
import org.rapport.people.Discipline;
import org.rapport.people.NewHelper;
import org.rapport.people.PeopleManagement;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A helper runs a group through three sessions in the browser: two goals with their five levels,
 * a member absent once, ratings each time, a signed note and an addendum; the T-score and the
 * timeline follow. Every page is scanned with axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordingSessionsBrowserTests {

    private static final String PASSWORD = "a-long-password-123";

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;

    Browser browser;
    String helper;
    String relationshipPage;

    @BeforeEach
    void aPeerSupporterInTheirOwnOrganisation() {
        OrganisationId org = accounts.openOrganisation("Quayside Peer Support");
        helper = "rae-" + UUID.randomUUID().toString().substring(0, 8) + "@quayside";
        Tenancy.runAs(org, () -> people.addHelper(new NewHelper("Rae Linden", Discipline.PEER_SUPPORTER, helper,
                PASSWORD, Set.of(Role.HELPER))));
        browser = Browser.open("http://localhost:" + port, Browser.DESKTOP);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void aHelperRecordsThreeGroupSessionsRatesTwoGoalsAndSignsANoteWithAnAddendum() {
        LocalDate today = LocalDate.now();
        browser.signIn(helper, PASSWORD);
        takeAGroupReferral(today.minusWeeks(3));
        browser.choose("Change the status to", "Active").fill("Why", "First meeting held.").press("Change status");

        setGoal("Speak up once in each meeting", "Stays silent", "Nods along", "Speaks once", "Speaks twice",
                "Leads a topic");
        setGoal("Get out for a walk each day", "Stays in", "Out twice a week", "Out most days", "Out every day",
                "Walks with others");
        assertThat(browser.text("goals")).contains("Speak up once in each meeting", "Get out for a walk each day",
                "No T-score yet");
        browser.assertAccessible().screenshot("goals-set");

        recordSession(today.minusWeeks(2), "-1", "0", true, "First session: quiet start.");
        String firstScore = browser.text("t-score");
        recordSession(today.minusWeeks(1), "0", "1", false, "Second session: more talk.");
        recordSession(today, "1", "2", false, "Third session: lively.");
        String lastScore = browser.text("t-score");
        assertThat(Double.parseDouble(lastScore)).isGreaterThan(Double.parseDouble(firstScore));
        assertThat(browser.text("sessions")).contains("2 of 3 present", "3 of 3 present");
        browser.assertAccessible().screenshot("relationship-after-three-sessions");

        browser.followLastLinkIn("sessions");
        assertThat(browser.text("notes")).contains("First session: quiet start.", "Signed");
        browser.assertAccessible().screenshot("session-with-signed-note");
        browser.fill("Add an addendum", "Ari asked that the walk goal include weekends.").press("Add the addendum");
        assertThat(browser.text("notes")).contains("Ari asked that the walk goal include weekends.",
                "First session: quiet start.");
        browser.assertAccessible();

        browser.follow("Wednesday walkers");
        assertThat(browser.text("timeline")).contains("Note signed", "Addendum added", "Goal rated", "Goal set");
        assertThat(browser.text("goals")).contains("T-score over time");
    }

    @Test
    void theQuickRecordFormFitsAPhone() {
        browser.signIn(helper, PASSWORD);
        takeAGroupReferral(LocalDate.now().minusWeeks(1));
        browser.close();
        browser = Browser.open("http://localhost:" + port, Browser.PHONE);
        browser.signIn(helper, PASSWORD);
        browser.visit(relationshipPage).follow("Record a session");
        assertThat(browser.heading()).isEqualTo("Record a session with Wednesday walkers");
        assertThat(browser.pageWidth()).as("nothing, the note template's choice included, scrolls sideways")
                .isLessThanOrEqualTo(390);
        browser.assertAccessible().screenshot("quick-record-phone");

        // Another note template chosen after typing: nothing typed is lost.
        browser.fill("Length in minutes", "75").fill("Note", "Walked the long loop today.");
        browser.choose("Note template", "SOAP (Subjective, Objective, Assessment, Plan)").press("Use this template");
        assertThat(browser.field("Length in minutes").getDomProperty("value")).isEqualTo("75");
        assertThat(browser.text("quick-record")).contains("What you typed here is not saved yet");
        assertThat(browser.driver().findElement(org.openqa.selenium.By.id("section-0")).getDomProperty("value"))
                .as("the note's text, now in the new template's first section").isEqualTo("Walked the long loop today.");
    }

    private void takeAGroupReferral(LocalDate referredOn) {
        browser.follow("Take a referral");
        browser.choose("The client party is", "Group").fill("Name of the client party", "Wednesday walkers")
                .fill("Members, one per line", "Ari Vance\nBo Hale\nCy Dunn")
                .fill("Referred by", "Recovery service").fill("Reason, in the referrer's words", "A new walking group.")
                .fillDate("Date of referral", referredOn.toString())
                .choose("Process model", "Five-stage helping process").press("Take the referral");
        assertThat(browser.heading()).isEqualTo("Wednesday walkers");
        relationshipPage = browser.currentPath();
    }

    private void setGoal(String statement, String muchLess, String less, String expected, String more,
            String muchMore) {
        browser.visit(relationshipPage).press("Set a goal");
        browser.assertAccessible();
        browser.fill("Or a new concern, in the client's words", "Feeling cut off")
                .fill("The goal, in the client's words", statement)
                .fillDate("Set on", LocalDate.now().minusWeeks(3).toString())
                .fill("−2: much less than expected", muchLess).fill("−1: less than expected", less)
                .fill("0: the expected outcome", expected).fill("+1: more than expected", more)
                .fill("+2: much more than expected", muchMore).press("Set the goal");
        browser.assertAccessible().visit(relationshipPage);
    }

    private void recordSession(LocalDate on, String speakUp, String walk, boolean boAway, String note) {
        browser.follow("Caseload");
        browser.followStartingWith("Record a session");
        assertThat(browser.heading()).isEqualTo("Record a session with Wednesday walkers");
        browser.assertAccessible().screenshot("quick-record");
        browser.fillDate("Date", on.toString()).fill("Length in minutes", "90");
        if (boAway) browser.uncheck("Bo Hale");
        browser.check("Listening").check("Reflection of feelings");
        browser.checkRadioIn("goal-0", speakUp).checkRadioIn("goal-1", walk);
        browser.fill("Note", note).press("Record the session");
        assertThat(browser.text()).contains("Session recorded with 2 goal ratings and a signed note.");
    }
}
