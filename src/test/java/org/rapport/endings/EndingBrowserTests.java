package org.rapport.endings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.endings.EndingFixtures.aReferral;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rapport.accounts.AccountManagement;
import org.rapport.alerts.AlertKind;
import org.rapport.alerts.AlertManagement;
import org.rapport.browser.Browser;
import org.rapport.goals.GoalId;
import org.rapport.goals.GoalManagement;
import org.rapport.goals.LevelDescriptions;
import org.rapport.goals.NewGoal;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.sessions.NewSession;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionOutcome;
import org.rapport.sessions.SessionRecord;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ending workspace in a real browser: the close refused while parts are missing, the four parts
 * filled in, the work closed, the letter opened; axe-core on every page, on a desktop and a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EndingBrowserTests {

    static final String NAME = "Zoë Łukasiewicz-Ødegård";

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired GoalManagement goals;
    @Autowired AlertManagement alerts;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Clock clock;

    EndingFixtures riverside;
    Staff ash;
    RelationshipId zoe;
    Browser browser;

    @BeforeEach
    void bringZoesWorkToItsEnding() {
        riverside = new EndingFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        LocalDate today = LocalDate.now(clock);
        zoe = riverside.as(ash, () -> relationships.refer(aReferral(NAME, ash, today.minusWeeks(14))));
        riverside.run(ash, () -> relationships.changeStatus(zoe, relationships.describe(zoe).version(),
                RelationshipStatus.ACTIVE, "Taken on"));
        riverside.run(ash, () -> sessions.recordUnscheduled(zoe, new NewSession(today.minusWeeks(1), LocalTime.of(10, 0), 50,
                MeetingMode.IN_PERSON, null), new SessionRecord(SessionOutcome.ATTENDED, Map.of(), Set.of())));
        riverside.run(ash, () -> relationships.changeStatus(zoe, relationships.describe(zoe).version(),
                RelationshipStatus.ENDING, "The twelfth session is next"));
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void aHelperWorksThroughTheFourPartsClosesTheWorkAndOpensTheLetter() {
        browser = Browser.open("http://localhost:" + port, Browser.DESKTOP);
        browser.signIn(ash.username(), TestOrganisation.PASSWORD);
        browser.visit("/relationships/" + zoe.value());
        assertThat(browser.text("ending")).contains("0 of 4 parts of the ending done");
        browser.assertAccessible().screenshot("ending-panel");

        browser.follow("Open the ending workspace");
        assertThat(browser.heading()).isEqualTo("Ending the work with " + NAME);
        assertThat(browser.text("gains")).contains("Sessions attended: 1");
        browser.assertAccessible().screenshot("ending-workspace");

        browser.press("Close as planned");
        assertThat(browser.text()).contains("Still to do: The gains made, Why it ends, Confidence moving forward, The open door.");
        browser.assertAccessible();

        // Typed into the next part first, then the gains saved: what was typed is not lost.
        browser.choose("Reason", "Agreed number of sessions reached")
                .fill("An honest explanation, in plain words", EndingFixtures.EXPLANATION);
        browser.fill("The gains, summed up with the client", EndingFixtures.GAINS)
                .fill("What the client said helped, in their words", EndingFixtures.CLIENT_WORDS)
                .check("The gains are done").press("Save the gains");
        assertThat(browser.text()).contains("The gains made: saved.");
        assertThat(browser.field("An honest explanation, in plain words").getDomProperty("value"))
                .as("typed into another part, kept").isEqualTo(EndingFixtures.EXPLANATION);
        assertThat(new org.openqa.selenium.support.ui.Select(browser.field("Reason")).getFirstSelectedOption().getText())
                .isEqualTo("Agreed number of sessions reached");
        assertThat(browser.text("why")).contains("What you typed here is not saved yet");
        browser.assertAccessible();
        browser.check("Why it ends is done").press("Save why it ends");
        assertThat(browser.text("why")).doesNotContain("not saved yet");
        browser.fill("Early warning signs", EndingFixtures.WARNING_SIGNS).fill("What helps", EndingFixtures.WHAT_HELPS)
                .fill("People to contact", EndingFixtures.PEOPLE).fill("What to do in a crisis", EndingFixtures.CRISIS)
                .check("The maintenance plan is done").press("Save the maintenance plan");
        browser.check("The open door is done").press("Save the open door");
        assertThat(browser.text("close")).contains("All four parts are done.");
        browser.assertAccessible().screenshot("ending-workspace-done");

        browser.press("Close as planned");
        assertThat(browser.text()).contains("The work closed as planned");
        assertThat(browser.text("ending-status")).isEqualTo("Ended");
        browser.assertAccessible();

        browser.follow("Open the letter to the client");
        assertThat(browser.text("letter")).contains("Dear " + NAME, EndingFixtures.GAINS, EndingFixtures.WARNING_SIGNS,
                "Ash Marlow");
        browser.assertAccessible().screenshot("ending-letter");

        Browser phone = Browser.open("http://localhost:" + port, Browser.PHONE);
        try {
            phone.signIn(ash.username(), TestOrganisation.PASSWORD);
            phone.visit("/relationships/" + zoe.value() + "/ending").assertAccessible().screenshot("ending-workspace-phone");
            assertThat(phone.pageWidth()).as("the workspace does not scroll sideways on a phone").isLessThanOrEqualTo(390);
            phone.visit("/relationships/" + zoe.value() + "/ending/letter").assertAccessible().screenshot("ending-letter-phone");
            assertThat(phone.pageWidth()).as("nor does the letter, its links wrapped").isLessThanOrEqualTo(390);
        } finally {
            phone.close();
        }
    }

    /**
     * Work that says "goals met" while its goal is still active and a not-on-track alert is open: the
     * workspace names each, the goal is settled from there without losing text typed elsewhere, the
     * reason that no longer fits is named, the alert is acknowledged, and only then does the work close.
     */
    @Test
    void aHelperSettlesWhatContradictsThePlannedEndingBeforeItCloses() {
        GoalId sleep = riverside.as(ash, () -> goals.setGoal(zoe, new NewGoal(null, "Poor sleep", "Sleep through most nights",
                new LevelDescriptions("Awake most nights", "One good night a week", "Three good nights",
                        "Five good nights", "Sleeping well every night"), new AttainmentLevel(-1), null, null, null, null)));
        UUID party = riverside.as(ash, () -> relationships.describe(zoe)).clientPartyId();
        riverside.inScope(() -> new TransactionTemplate(transactions).execute(status -> alerts.raise(zoe, party,
                AlertKind.NOT_ON_TRACK, "Not on track (expected change)", "The PHQ-9 is not falling as expected.", null)));
        SecurityContextHolder.clearContext();
        browser = Browser.open("http://localhost:" + port, Browser.DESKTOP);
        browser.signIn(ash.username(), TestOrganisation.PASSWORD);
        browser.visit("/relationships/" + zoe.value() + "/ending");
        browser.fill("The gains, summed up with the client", EndingFixtures.GAINS)
                .fill("What the client said helped, in their words", EndingFixtures.CLIENT_WORDS)
                .check("The gains are done").press("Save the gains");
        browser.choose("Reason", "Goals met").fill("An honest explanation, in plain words", EndingFixtures.EXPLANATION)
                .check("Why it ends is done").press("Save why it ends");
        browser.fill("Early warning signs", EndingFixtures.WARNING_SIGNS).fill("What helps", EndingFixtures.WHAT_HELPS)
                .fill("People to contact", EndingFixtures.PEOPLE).fill("What to do in a crisis", EndingFixtures.CRISIS)
                .check("The maintenance plan is done").press("Save the maintenance plan");
        browser.check("The open door is done").press("Save the open door");

        assertThat(browser.text("before-closing")).contains("“Sleep through most nights” (active) ends as",
                "Not on track: Not on track (expected change)").as("a choice left as it came is not unsaved typing")
                .doesNotContain("not saved yet");
        browser.assertAccessible().screenshot("ending-before-closing");
        browser.press("Close as planned");
        assertThat(browser.text()).contains("The work cannot close as planned yet.", "“Sleep through most nights” is active",
                "Acknowledge the open alerts with what was done: Not on track");
        assertThat(browser.text("ending-status")).isNotEqualTo("Ended");

        // Settled as continuing elsewhere, with words typed into part three meanwhile kept.
        browser.fill("What helps", "The worry list, and the walk before tea.");
        browser.choose("“Sleep through most nights” (active) ends as", "Continuing elsewhere").press("Settle the goal");
        assertThat(browser.text()).contains("The goal is settled: continuing elsewhere.");
        assertThat(browser.field("What helps").getDomProperty("value")).as("typed into another part, kept")
                .isEqualTo("The worry list, and the walk before tea.");
        assertThat(browser.text("reason-does-not-fit")).contains("not every goal was achieved",
                "“Sleep through most nights” (continuing elsewhere)");
        browser.assertAccessible();
        browser.choose("Reason", "Agreed number of sessions reached").press("Save why it ends");

        browser.follow("Acknowledge them on the relationship page");
        browser.fill("What you did", "Reviewed the plan together; Zoë carries the sleep work on with her GP.")
                .press("Acknowledge");
        browser.visit("/relationships/" + zoe.value() + "/ending");
        assertThat(browser.driver().findElements(By.id("before-closing"))).as("nothing contradicts the ending now").isEmpty();
        browser.press("Close as planned");
        assertThat(browser.text()).contains("The work closed as planned");

        Browser phone = Browser.open("http://localhost:" + port, Browser.PHONE);
        try {
            phone.signIn(ash.username(), TestOrganisation.PASSWORD);
            phone.visit("/relationships/" + zoe.value() + "/ending/letter");
            assertThat(phone.text("letter")).doesNotContain("you have reached the goals");
        } finally {
            phone.close();
        }
    }

    @Test
    void aHelperClosesLapsedWorkAsUnplannedFromThePanel() {
        browser = Browser.open("http://localhost:" + port, Browser.PHONE);
        browser.signIn(ash.username(), TestOrganisation.PASSWORD);
        browser.visit("/relationships/" + zoe.value());
        browser.driver().findElement(By.cssSelector("#ending summary")).click();
        browser.assertAccessible().screenshot("ending-panel-unplanned-phone");
        browser.checkRadioIn("close-unplanned", "moved-away").check("Offer follow-up check-ins").press("Close as unplanned");
        assertThat(browser.text()).contains("The work closed as unplanned (moved away).");
        assertThat(browser.text("status")).isEqualTo("Ended");
        assertThat(browser.text("ending")).contains("Closed as unplanned");
        browser.assertAccessible();
    }

    @Test
    void aClientWhoSaysTheyAreStoppingIsClosedAsUnplannedWithTheDoorOffered() {
        riverside.run(ash, () -> relationships.changeStatus(zoe, relationships.describe(zoe).version(),
                RelationshipStatus.ACTIVE, "Back to the work for now"));
        SecurityContextHolder.clearContext();
        Browser phone = Browser.open("http://localhost:" + port, Browser.PHONE);
        try {
            phone.signIn(ash.username(), TestOrganisation.PASSWORD);
            phone.visit("/relationships/" + zoe.value() + "/ending/stopping").assertAccessible().screenshot("ending-stopping-phone");
        } finally {
            phone.close();
        }
        browser = Browser.open("http://localhost:" + port, Browser.DESKTOP);
        browser.signIn(ash.username(), TestOrganisation.PASSWORD);
        browser.visit("/relationships/" + zoe.value());
        browser.follow("The client says they are stopping");
        assertThat(browser.heading()).isEqualTo(NAME + " says they are stopping");
        browser.assertAccessible().screenshot("ending-stopping");
        browser.press("Close as unplanned");
        assertThat(browser.text()).contains("The work closed as unplanned (declined further help).");
        assertThat(browser.text("ending")).contains("Closed as unplanned");
        browser.assertAccessible();
    }
}
