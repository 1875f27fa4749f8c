package org.rapport.sessions;

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
import org.rapport.people.HelperId;
import org.rapport.people.NewHelper;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/** A helper schedules and records a group's session in a real browser, with an accessibility scan of each page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionPagesBrowserTests {

    private static final String PASSWORD = "a-long-password-123";

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;

    Browser browser;
    String helper;
    RelationshipId group;

    @BeforeEach
    void aHelperWithAGroup() {
        OrganisationId org = accounts.openOrganisation("Brookside Counselling");
        helper = "lee-" + UUID.randomUUID().toString().substring(0, 8) + "@brookside";
        HelperId lee = Tenancy.callAs(org, () -> people.addHelper(new NewHelper("Lee Marsh", Discipline.COUNSELLOR, helper,
                PASSWORD, Set.of(Role.HELPER))));
        UserDetails details = accounts.loadUserByUsername(helper);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        try {
            group = Tenancy.callAs(org, () -> relationships.refer(SessionFixtures.aGroupReferral("Wednesday carers group",
                    new SessionFixtures.Staff(lee, helper, "Lee Marsh"), LocalDate.now().minusWeeks(2),
                    "Alex Birch", "Bo Hazel", "Cam Rowan", "Dee Alder")));
        } finally {
            SecurityContextHolder.clearContext();
        }
        browser = Browser.open("http://localhost:" + port, Browser.DESKTOP);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void aHelperSchedulesAGroupSessionRecordsItAndSeesItOnTheTimeline() {
        browser.signIn(helper, PASSWORD);
        browser.visit("/relationships/" + group);
        assertThat(browser.text("sessions")).contains("No sessions scheduled.");
        browser.follow("Schedule a session");
        assertThat(browser.heading()).isEqualTo("Schedule a session");
        browser.assertAccessible().screenshot("session-schedule");

        browser.fillDate("Day", LocalDate.now().toString()).fillDate("Starts at", "09:00")
                .fill("Length, in minutes", "75").check("Video").fill("Place (optional)", "Video link in the invitation")
                .press("Schedule the session");
        assertThat(browser.heading()).startsWith("Session on ");
        assertThat(browser.text("details")).contains("09:00, 75 minutes", "Video", "Not recorded yet");
        browser.assertAccessible().screenshot("session-to-record");

        browser.check("Attended").uncheck("Cam Rowan")
                .check("Listening").check("Reflection of feelings").check("Challenge")
                .press("Record the session");
        assertThat(browser.text()).contains("Session recorded: attended.");
        assertThat(browser.text("attendance")).contains("3 of 4").doesNotContain("Cam Rowan");
        assertThat(browser.text("skills")).contains("Listening", "Reflection of feelings", "Challenge");
        browser.assertAccessible().screenshot("session-recorded");

        browser.follow("Wednesday carers group");
        assertThat(browser.text("timeline")).contains("Session held", "3 of 4 present");
        assertThat(browser.text("sessions")).contains("Attended", "3 of 4 present");
        browser.assertAccessible();

        browser.follow("Schedule a session");
        browser.fillDate("Day", LocalDate.now().plusDays(7).toString()).fillDate("Starts at", "09:00")
                .press("Schedule the session");
        browser.follow("Upcoming sessions");
        assertThat(browser.heading()).isEqualTo("Upcoming sessions");
        assertThat(browser.text("upcoming")).contains("Wednesday carers group", "50 minutes");
        browser.press("Make a feed link");
        assertThat(browser.field("Your feed link (shown only now; copy it into your calendar)").getDomProperty("value"))
                .contains("/calendar/").endsWith(".ics");
        browser.assertAccessible().screenshot("upcoming-sessions");
        browser.press("Revoke the feed link");
        assertThat(browser.text("calendar-feed")).contains("Make a feed link").doesNotContain("/calendar/");
    }
}
