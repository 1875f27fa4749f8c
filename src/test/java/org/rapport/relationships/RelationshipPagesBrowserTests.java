package org.rapport.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
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

/** A helper's path through the pages, in a real browser, with an accessibility scan of every page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelationshipPagesBrowserTests {

    private static final String PASSWORD = "a-long-password-123";

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;

    Browser browser;
    String helper;

    @BeforeEach
    void aHelperInTheirOwnOrganisation() {
        OrganisationId org = accounts.openOrganisation("Brookside Counselling");
        helper = "lee-" + UUID.randomUUID().toString().substring(0, 8) + "@brookside";
        Tenancy.runAs(org, () -> people.addHelper(new NewHelper("Lee Marsh", Discipline.COUNSELLOR, helper, PASSWORD,
                Set.of(Role.HELPER))));
        browser = Browser.open("http://localhost:" + port, Browser.DESKTOP);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void aHelperTakesAReferralForACoupleAgreesTheWorkAndCarriesItThroughTwoModels() {
        browser.visit("/login").assertAccessible().screenshot("sign-in");
        browser.signIn(helper, PASSWORD);
        assertThat(browser.heading()).isEqualTo("Caseload");
        browser.assertAccessible();

        takeReferralForACouple();
        assertThat(browser.heading()).isEqualTo("Ash and Rowan");
        assertThat(browser.text("status")).isEqualTo("Referred");
        assertThat(browser.text("parties")).contains("Ash Penrose", "Rowan Penrose", "Lee Marsh");
        browser.assertAccessible().screenshot("relationship-referred");

        changeStatus("Active", "First meeting held; both want to go ahead.");
        assertThat(browser.text("status")).isEqualTo("Active");

        writeTheAgreement();
        assertThat(browser.text("agreement")).contains("Revision 1", "Awaiting the client's acceptance",
                "To talk without it turning into a fight.");
        browser.press("Record acceptance");
        assertThat(browser.text("agreement")).contains("Accepted");

        reviseTheAgreement();
        assertThat(browser.text("agreement")).contains("Revision 2", "Fortnightly", "Awaiting the client's acceptance",
                "All 2 revisions");
        browser.press("Record acceptance");
        browser.assertAccessible().screenshot("relationship-agreed");

        browser.pressWithin("phase", "Tick off");
        assertThat(browser.text("phase")).contains("Done");

        moveThroughEveryPhase(List.of("Insight", "Action", "Ending"));
        assertThat(browser.text("status")).isEqualTo("Ending");
        // Work under way ends from its ending (see the endings browser test for the planned ending): here the
        // couple say they are stopping, and the helper closes the work as unplanned from the Ending panel.
        assertThat(browser.text("status-card")).doesNotContain("Ended");
        browser.driver().findElement(org.openqa.selenium.By.cssSelector("#ending summary")).click();
        browser.checkRadioIn("close-unplanned", "declined-further-help").press("Close as unplanned");
        assertThat(browser.text("status")).isEqualTo("Ended");
        assertThat(browser.text("timeline")).contains("Moved on to Insight", "Moved on to Action",
                "Moved on to Ending", "Working agreement revised (revision 2)", "Client accepted revision 2",
                "Status: Ending → Ended");

        takeReferralForAPerson("Kit Harrow", "Nurse–client relationship");
        changeStatus("Active", "First visit made.");
        moveThroughEveryPhase(List.of("Orientation", "Working"));
        stepBackTo("Orientation", "A new problem came to light at home.");
        assertThat(browser.text("phase")).contains("Phase 2 of 4: Orientation");
        moveThroughEveryPhase(List.of("Working", "Termination"));
        assertThat(browser.text("status")).isEqualTo("Ending");
        assertThat(browser.text("timeline")).contains("Stepped back to Orientation");

        browser.follow("Caseload");
        assertThat(browser.text("caseload")).contains("Kit Harrow").doesNotContain("Ash and Rowan");
        browser.assertAccessible().screenshot("caseload");
    }

    @Test
    void refusesAReferralWithMissingFieldsAndKeepsWhatWasTyped() {
        browser.signIn(helper, PASSWORD);
        browser.visit("/referrals/new");
        browser.choose("The client party is", "Couple").fill("Name of the client party", "Sol and Remy")
                .press("Take the referral");
        assertThat(browser.text()).contains("The referral was not saved", "Say who made the referral.");
        assertThat(browser.field("Name of the client party").getDomProperty("value")).isEqualTo("Sol and Remy");
        browser.assertAccessible();
    }

    /** A returning client is named when their name is typed, and referred as who they are, on a desktop and a phone. */
    @Test
    void aReferralForAClientAlreadyKnownIsTakenForThemNotForANewClient() {
        browser.signIn(helper, PASSWORD);
        takeReferralForAPerson("Jo Quill", "Five-stage helping process");
        String first = browser.currentPath();

        browser.close();
        browser = Browser.open("http://localhost:" + port, Browser.PHONE);
        browser.signIn(helper, PASSWORD);
        browser.follow("Caseload").follow("Take a referral");
        browser.fill("Name of the client party", "jo quill")
                .fill("Referred by", "Jo, by telephone")
                .fill("Reason, in the referrer's words", "Would like to talk again after a hard winter.")
                .press("Take the referral");
        assertThat(browser.text("already-known")).contains("Rapport already knows someone called “jo quill”",
                "Jo Quill (Person): Referred, with Lee Marsh");
        assertThat(browser.field("Reason, in the referrer's words").getDomProperty("value"))
                .isEqualTo("Would like to talk again after a hard winter.");
        browser.assertAccessible().screenshot("referral-already-known-phone");
        assertThat(browser.pageWidth()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);

        browser.press("Refer Jo Quill, already known");
        assertThat(browser.heading()).isEqualTo("Jo Quill");
        assertThat(browser.currentPath()).as("a second relationship").isNotEqualTo(first);
        browser.visit("/search?q=quill");
        assertThat(browser.text()).as("one client, two relationships").contains("Jo Quill");
    }

    @Test
    void theCaseloadAndRelationshipPageReadWellOnAPhone() {
        browser.close();
        browser = Browser.open("http://localhost:" + port, Browser.PHONE);
        browser.signIn(helper, PASSWORD);
        takeReferralForAPerson("Jo Quill", "Five-stage helping process");
        browser.assertAccessible().screenshot("relationship-phone");
        Number overflow = (Number) browser.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
        browser.follow("Caseload").assertAccessible().screenshot("caseload-phone");
    }

    private void takeReferralForACouple() {
        browser.follow("Take a referral");
        assertThat(browser.heading()).isEqualTo("Take a referral");
        browser.assertAccessible().screenshot("referral-form");
        browser.choose("The client party is", "Couple")
                .fill("Name of the client party", "Ash and Rowan")
                .fill("Members, one per line", "Ash Penrose\nRowan Penrose")
                .fill("Referred by", "Community centre")
                .fill("Reason, in the referrer's words", "Arguing more since the baby arrived.")
                .fillDate("Date of referral", LocalDate.now().minusDays(3).toString())
                .choose("Urgency", "Soon")
                .choose("Process model", "Process Model of Helping")
                .press("Take the referral");
    }

    private void takeReferralForAPerson(String name, String model) {
        browser.follow("Caseload").follow("Take a referral");
        browser.fill("Name of the client party", name)
                .fill("Referred by", "Ward discharge team")
                .fill("Reason, in the referrer's words", "Support at home after a new diagnosis.")
                .choose("Process model", model)
                .press("Take the referral");
        assertThat(browser.heading()).isEqualTo(name);
    }

    private void changeStatus(String status, String reason) {
        browser.choose("Change the status to", status).fill("Why", reason).press("Change status");
    }

    private void writeTheAgreement() {
        browser.press("Write the working agreement");
        browser.assertAccessible().screenshot("agreement-form");
        browser.fill("Purpose, in the client's words", "To talk without it turning into a fight.")
                .check("Video")
                .fill("Roles and responsibilities", "Lee keeps time and keeps it safe; Ash and Rowan each get heard.")
                .fillDate("Review date", LocalDate.now().plusWeeks(6).toString())
                .fill("How the relationship will end", "We plan the last two sessions together.")
                .press("Save this revision");
    }

    private void reviseTheAgreement() {
        browser.press("Revise the agreement");
        browser.fill("How often you meet", "Fortnightly").fill("What this revision changes", "Meeting fortnightly now.")
                .press("Save this revision");
    }

    private void moveThroughEveryPhase(List<String> phases) {
        for (String phase : phases) {
            browser.press("Move phase…");
            assertThat(browser.heading()).isEqualTo("Move phase");
            browser.assertAccessible();
            browser.fill("Why now", "The signs to move on are there.").press("Move on to " + phase);
            assertThat(browser.text("phase")).contains(": " + phase);
        }
    }

    private void stepBackTo(String phase, String reason) {
        browser.press("Move phase…");
        browser.choose("Back to", phase).fill("Why", reason).press("Step back");
    }
}
