package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.browser.Browser;
import org.rapport.goals.ConcernId;
import org.rapport.goals.GoalId;
import org.rapport.goals.GoalManagement;
import org.rapport.goals.GoalStatus;
import org.rapport.goals.LevelDescriptions;
import org.rapport.goals.NewActionStep;
import org.rapport.goals.NewConcern;
import org.rapport.goals.NewGoal;
import org.rapport.goals.StepOwner;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.Discipline;
import org.rapport.people.HelperId;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.NewHelper;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.NewReferral;
import org.rapport.relationships.Referral;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.Urgency;
import org.rapport.sessions.NewSession;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionOutcome;
import org.rapport.sessions.SessionRecord;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The pages of sessions, notes and goals that no other browser test walks through: a goal with a
 * rating and an action step, writing a note to a template, the admin's note templates, the concern
 * form and the schedule form. The work behind them is set up through the modules; each page is
 * scanned with axe-core and photographed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionNotesGoalsPagesBrowserTests {

    private static final String PASSWORD = "a-long-password-123";

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired GoalManagement goals;
    @Autowired Clock clock;

    OrganisationId org;
    String helper;
    String admin;
    RelationshipId relationship;
    SessionId session;
    GoalId goal;
    Browser browser;

    @BeforeEach
    void aHelperWithAGoalRatedInASession() {
        org = accounts.openOrganisation("Millbrook Talking Space");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        helper = "wren-" + suffix + "@millbrook";
        admin = "ola-" + suffix + "@millbrook";
        HelperId wren = Tenancy.callAs(org, () -> people.addHelper(new NewHelper("Wren Ashdown",
                Discipline.COUNSELLOR, helper, PASSWORD, Set.of(Role.HELPER))));
        Tenancy.runAs(org, () -> people.addHelper(new NewHelper("Ola Brightwater", Discipline.COUNSELLOR, admin,
                PASSWORD, Set.of(Role.ADMIN))));
        LocalDate today = LocalDate.now(clock);
        as(helper, () -> {
            relationship = relationships.refer(new NewReferral(
                    new NewClientParty(ClientPartyKind.PERSON, "Juniper Calloway",
                            List.of(new NewClientMember("Juniper Calloway", today.minusWeeks(2)))),
                    null, new Referral("Self-referral", "Worry about returning to work", today.minusWeeks(2),
                            Urgency.ROUTINE),
                    wren, null, List.of(), "five-stage", null));
            session = sessions.recordUnscheduled(relationship,
                    new NewSession(today.minusDays(1), LocalTime.of(14, 0), 50, MeetingMode.IN_PERSON, null),
                    new SessionRecord(SessionOutcome.ATTENDED, Map.of(), Set.of()));
            ConcernId concern = goals.addConcern(relationship,
                    new NewConcern("Dreading the first week back", today.minusDays(7)));
            goal = goals.setGoal(relationship, new NewGoal(concern, null, "To go back to work three days a week",
                    new LevelDescriptions("Not back at all", "Back one day", "Back three days", "Back four days",
                            "Back full time"),
                    new AttainmentLevel(-2), 2, 1, today.minusDays(7), GoalStatus.ACTIVE));
            goals.rate(goal, new AttainmentLevel(-1), null, session);
            goals.addActionStep(goal, new NewActionStep("Visit the office for a coffee", StepOwner.CLIENT,
                    today.plusDays(5)));
            return null;
        });
        browser = Browser.open("http://localhost:" + port, Browser.DESKTOP);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void theGoalNoteConcernAndSchedulePagesPassAnAccessibilityScan() {
        browser.signIn(helper, PASSWORD);

        browser.visit("/goals/" + goal);
        assertThat(browser.heading()).isEqualTo("To go back to work three days a week");
        assertThat(browser.text()).contains("Back one day", "Visit the office for a coffee");
        browser.assertAccessible().screenshot("goal-with-rating-and-step");

        browser.visit("/sessions/" + session + "/note/new?template=soap");
        assertThat(browser.text()).contains("Subjective", "Objective", "Assessment", "Plan");
        browser.assertAccessible().screenshot("note-write-soap");

        browser.visit("/relationships/" + relationship + "/concerns/new");
        browser.assertAccessible().screenshot("concern-form");
        browser.press("Add the concern");
        assertThat(browser.text()).contains("Describe the concern, in the client's words.");
        browser.assertAccessible().screenshot("concern-form-with-messages");

        browser.visit("/relationships/" + relationship + "/sessions/new");
        browser.assertAccessible().screenshot("session-schedule-form");
    }

    @Test
    void anAdminAddsANoteTemplateOnAnAccessiblePage() {
        browser.signIn(admin, PASSWORD);
        browser.visit("/admin/note-templates");
        browser.assertAccessible().screenshot("admin-note-templates");
        browser.fill("Key", "group-check-in").fill("Name", "Group check-in")
                .fill("Sections", "Who came\nThemes\nNext time").press("Add the template");
        assertThat(browser.text()).contains("Template ‘Group check-in’ added", "Who came, Themes, Next time");
        browser.assertAccessible().screenshot("admin-note-templates-added");
    }

    private <T> T as(String username, Supplier<T> work) {
        UserDetails details = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        try {
            return Tenancy.callAs(org, work);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
