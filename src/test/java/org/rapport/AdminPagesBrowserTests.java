package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.NewAccount;
import org.rapport.accounts.Role;
import org.rapport.browser.Browser;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin sets up the organisation through the pages, each scanned for accessibility. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminPagesBrowserTests {

    private static final String PASSWORD = "a-long-password-123";

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;

    Browser browser;
    String admin;
    String suffix;

    @BeforeEach
    void anAdminOfANewOrganisation() {
        OrganisationId org = accounts.openOrganisation("Harbour Mentoring");
        suffix = UUID.randomUUID().toString().substring(0, 8);
        admin = "admin-" + suffix + "@harbour";
        Tenancy.runAs(org, () -> accounts.openAccount(new NewAccount(admin, PASSWORD, "Noor Haddad",
                Set.of(Role.ADMIN), null)));
        browser = Browser.open("http://localhost:" + port, Browser.DESKTOP);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void anAdminAddsHelpersATeamSupervisionAndTheirOwnProcessModel() {
        browser.signIn(admin, PASSWORD);
        browser.follow("Admin");
        assertThat(browser.heading()).isEqualTo("Admin");
        browser.assertAccessible().screenshot("admin");

        browser.follow("Helpers").assertAccessible();
        addHelper("Remy Castell", "Mentor", "remy-" + suffix);
        addHelper("Ines Okoro", "Peer supporter", "ines-" + suffix);
        assertThat(browser.text()).contains("Remy Castell", "Ines Okoro", "Mentor", "Peer supporter");
        browser.assertAccessible().screenshot("admin-helpers");

        WebElement remysRoles = browser.driver().findElements(By.cssSelector("details.change-roles summary")).stream()
                .filter(summary -> summary.getDomProperty("textContent").equals("Change roles of Remy Castell"))
                .findFirst().orElseThrow();
        remysRoles.click();
        WebElement form = remysRoles.findElement(By.xpath(".."));
        form.findElement(By.cssSelector("input[name=roles][value=SUPERVISOR]")).click();
        browser.assertAccessible();
        browser.press("Save roles");
        assertThat(browser.text()).contains("Changed the roles of remy-" + suffix);
        browser.assertAccessible().screenshot("admin-helpers-roles-changed");

        browser.visit("/admin/teams").assertAccessible();
        browser.fill("Name", "Youth mentoring team").check("Remy Castell (Mentor)").check("Ines Okoro (Peer supporter)")
                .press("Form the team");
        assertThat(browser.text()).contains("Youth mentoring team");
        browser.assertAccessible().screenshot("admin-teams");

        browser.visit("/admin/supervision").assertAccessible();
        browser.choose("Supervisor", "Remy Castell").choose("Supervisee", "Ines Okoro").press("Link");
        assertThat(browser.text()).contains("Remy Castell", "Ines Okoro");
        browser.assertAccessible().screenshot("admin-supervision");

        browser.visit("/admin/process-models").assertAccessible().screenshot("admin-process-models");
        browser.follow("Add a process model").assertAccessible();
        browser.fill("Paste the model", """
                key: walk-and-talk
                name: Walk and talk
                description: Mentoring on the move.
                phases:
                  - key: getting-to-know
                    name: Getting to know each other
                    purpose: Build trust.
                    tasks: []
                    move-on-when: [Trust is there]
                  - key: ending
                    name: Ending
                    ending: true
                    purpose: Say goodbye well.
                    tasks: [Look back together]
                """).press("Add the model");
        assertThat(browser.text()).contains("Line 8", "phases[0].tasks");
        browser.assertAccessible().screenshot("admin-process-model-refused");
        browser.fill("Paste the model", """
                key: walk-and-talk
                name: Walk and talk
                description: Mentoring on the move.
                phases:
                  - key: getting-to-know
                    name: Getting to know each other
                    purpose: Build trust.
                    tasks: [Agree where to walk]
                    move-on-when: [Trust is there]
                  - key: ending
                    name: Ending
                    ending: true
                    purpose: Say goodbye well.
                    tasks: [Look back together]
                """).press("Add the model");
        assertThat(browser.heading()).isEqualTo("Walk and talk");
        assertThat(browser.text()).contains("Getting to know each other", "Agree where to walk");
        browser.assertAccessible().screenshot("admin-process-model");

        browser.visit("/referrals/new");
        browser.fill("Name of the client party", "Billie Sands").fill("Referred by", "School")
                .fill("Reason, in the referrer's words", "Would like a mentor.")
                .choose("Lead helper", "Remy Castell (Mentor)").choose("Process model", "Walk and talk")
                .press("Take the referral");
        assertThat(browser.heading()).isEqualTo("Billie Sands");
        assertThat(browser.text("phase")).contains("Getting to know each other");

        browser.visit("/admin/clients").assertAccessible().screenshot("admin-clients");
        browser.followStartingWith("Audit trail");
        assertThat(browser.heading()).isEqualTo("Audit trail: Billie Sands");
        assertThat(browser.text()).contains("Noor Haddad", "took a referral", "opened the relationship page");
        browser.assertAccessible().screenshot("admin-audit-trail");
    }

    private void addHelper(String name, String discipline, String username) {
        browser.fill("Name", name).choose("Discipline", discipline).fill("Sign-in name", username)
                .fill("Initial password", PASSWORD).press("Add helper");
    }
}
