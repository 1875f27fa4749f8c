package org.rapport.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.measures.MeasureFixtures.aReferral;
import static org.rapport.measures.MeasureFixtures.ownInstrument;
import static org.rapport.testing.TestOrganisation.PASSWORD;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
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
 * An admin adds an instrument the organisation holds a licence for, first with a mistake the page
 * names by line and field, then put right; a helper plans it for a relationship with PHQ-9. Every
 * page passes axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InstrumentPagesBrowserTests {

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired Clock clock;

    Browser browser;
    MeasureFixtures brookside;
    Staff sam;
    Staff lee;
    RelationshipId robin;

    @BeforeEach
    void anAdminAndAHelperWithAClient() {
        brookside = new MeasureFixtures(accounts, people, "Brookside Counselling");
        sam = brookside.anAdmin("Sam Okafor");
        lee = brookside.aHelper("Lee Marsh");
        robin = brookside.as(lee, () -> relationships.refer(aReferral("Robin Fairweather", lee, LocalDate.now(clock).minusWeeks(3))));
        SecurityContextHolder.clearContext();
        browser = Browser.open("http://localhost:" + port, Browser.DESKTOP);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void anAdminAddsAnInstrumentAndAHelperPutsItInThePlan() {
        browser.signIn(sam.username(), PASSWORD);
        browser.visit("/admin").follow("Instruments");
        assertThat(browser.heading()).isEqualTo("Instruments");
        assertThat(browser.text()).contains("Patient Health Questionnaire (PHQ-9)", "Comes with Rapport");
        browser.assertAccessible().screenshot("instruments-list");

        browser.press("Add an instrument");
        assertThat(browser.text()).contains("Load only instruments your organisation holds a licence for");
        browser.assertAccessible().screenshot("instruments-new");

        paste(ownInstrument("wellbeing-pair").replace("licence: Written for Rapport's tests.\n", ""));
        browser.press("Add the instrument");
        assertThat(browser.text()).contains("nothing was stored", "Line 1", "licence", "'licence' is missing");
        browser.assertAccessible().screenshot("instruments-new-refused");

        paste(ownInstrument("wellbeing-pair"));
        browser.press("Add the instrument");
        assertThat(browser.heading()).isEqualTo("Made-up wellbeing pair (not a validated instrument)");
        assertThat(browser.text()).contains("Added the instrument", "I have slept badly.", "Your organisation’s own instrument");
        browser.assertAccessible().screenshot("instruments-show");

        browser.visit("/admin/instruments/phq-9");
        browser.assertAccessible();

        browser.driver().manage().deleteAllCookies();
        browser.signIn(lee.username(), PASSWORD);
        browser.visit("/relationships/" + robin.value());
        assertThat(browser.text("measurement-plan-summary")).isEqualTo("No measures planned");
        browser.follow("Measurement plan");
        assertThat(browser.heading()).isEqualTo("Measurement plan");
        browser.assertAccessible().screenshot("measurement-plan");

        tick("include-phq-9");
        tick("include-wellbeing-pair");
        new Select(browser.driver().findElement(By.id("timing-wellbeing-pair"))).selectByVisibleText("Every few sessions");
        browser.press("Save the plan");
        assertThat(browser.text()).contains("How many sessions apart");
        assertThat(browser.text("problem")).contains("Say how many sessions apart");
        browser.assertAccessible().screenshot("measurement-plan-refused");

        browser.driver().findElement(By.id("every-wellbeing-pair")).sendKeys("3");
        browser.press("Save the plan");
        assertThat(browser.text("measurement-plan-summary"))
                .isEqualTo("PHQ-9 every session; WELLBEING-PAIR every 3 sessions");
        browser.assertAccessible();
    }

    private void paste(String text) {
        var box = browser.driver().findElement(By.id("definition"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", box, text);
    }

    private void tick(String id) {
        var box = browser.driver().findElement(By.id(id));
        if (!box.isSelected()) box.click();
    }
}
