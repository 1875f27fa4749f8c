package org.rapport.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.browser.Browser;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.testing.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The waitlist: who is waiting to be seen (referred or waitlisted), the most urgent first and,
 * within each urgency, whoever has waited longest, with how long; only the relationships the person
 * sees; on the page, on a desk and on a phone, and through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class WaitlistTests {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired Clock clock;

    RelationshipFixtures riverside;
    Staff ash;
    Browser browser;

    @BeforeEach
    void referralsWaitingAndOneUnderWay() {
        riverside = new RelationshipFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        Staff bo = riverside.aHelper("Bo Tern");
        LocalDate today = LocalDate.now(clock);
        refer("Quinn Routine-Early", ash, Urgency.ROUTINE, today.minusDays(30));
        refer("Rowan Routine-Late", ash, Urgency.ROUTINE, today.minusDays(3));
        RelationshipId urgent = refer("Sky Urgent", ash, Urgency.URGENT, today.minusDays(1));
        riverside.run(ash, () -> relationships.changeStatus(urgent, 0, RelationshipStatus.WAITLISTED, "No space this week"));
        RelationshipId active = refer("Tam Underway", ash, Urgency.URGENT, today.minusDays(40));
        riverside.run(ash, () -> relationships.changeStatus(active, 0, RelationshipStatus.ACTIVE, "First session booked"));
        refer("Uma Elsewhere", bo, Urgency.URGENT, today.minusDays(60));
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    RelationshipId refer(String name, Staff lead, Urgency urgency, LocalDate on) {
        return riverside.as(lead, () -> relationships.refer(RelationshipFixtures.aReferral(name, lead, "five-stage", urgency,
                on, null)));
    }

    @Test
    void theMostUrgentFirstThenTheLongestWaitingOnlyThoseNotYetSeen() {
        assertThat(riverside.as(ash, () -> relationships.waitlist())).extracting(WaitingClient::clientPartyName)
                .containsExactly("Sky Urgent", "Quinn Routine-Early", "Rowan Routine-Late");
        WaitingClient quinn = riverside.as(ash, () -> relationships.waitlist()).get(1);
        assertThat(quinn.daysWaited()).isEqualTo(30);
        assertThat(quinn.waited()).isEqualTo("4 weeks and 2 days");
        assertThat(riverside.as(ash, () -> relationships.waitlist()).get(0).status()).isEqualTo(RelationshipStatus.WAITLISTED);
    }

    @Test
    void theApiListsTheSameInTheSameOrder() throws Exception {
        new WebClient(mvc, accounts).checkedApi(ash, get("/api/waitlist"))
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].clientPartyName").value("Sky Urgent"))
                .andExpect(jsonPath("$[0].urgency").value("URGENT"))
                .andExpect(jsonPath("$[1].daysWaited").value(30));
    }

    @Test
    void onADeskAndOnAPhone() {
        for (var size : java.util.List.of(Browser.DESKTOP, Browser.PHONE)) {
            browser = Browser.open("http://localhost:" + port, size);
            browser.signIn(ash.username(), TestOrganisation.PASSWORD);
            browser.visit("/caseload");
            assertThat(browser.text()).as("the caseload says the order it keeps")
                    .contains("Those with open alerts come first").doesNotContain("Overdue agreement reviews come first");
            browser.follow("Waitlist");
            assertThat(browser.text("waitlist")).contains("Sky Urgent", "Urgent", "4 weeks and 2 days")
                    .doesNotContain("Tam Underway").doesNotContain("Uma Elsewhere");
            assertThat(browser.text("waitlist").indexOf("Quinn Routine-Early"))
                    .isLessThan(browser.text("waitlist").indexOf("Rowan Routine-Late"));
            browser.assertAccessible().screenshot("waitlist-" + (size == Browser.PHONE ? "phone" : "desk"));
            browser.close();
            browser = null;
        }
    }
}
