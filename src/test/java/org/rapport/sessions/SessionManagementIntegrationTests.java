package org.rapport.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.rapport.sessions.SessionFixtures.aGroupReferral;
import static org.rapport.sessions.SessionFixtures.aReferral;

import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.audit.AuditAction;
import org.rapport.audit.AuditEntry;
import org.rapport.audit.AuditTrail;
import org.rapport.people.ClientMember;
import org.rapport.people.ClientPartyId;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.CaseloadEntry;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.relationships.TimelineEntry;
import org.rapport.relationships.Urgency;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Sessions against PostgreSQL with row-level security: scheduling, recording a group's attendance
 * with the phase and skills, corrections, who may see and change, the caseload's lapsing and last
 * contact, the timeline, the audit trail, and the calendar feed read with nobody signed in.
 */
@SpringBootTest
class SessionManagementIntegrationTests {

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    SessionFixtures riverside;
    Staff ash;
    RelationshipId robin;

    @BeforeEach
    void openARelationshipWithRobin() {
        riverside = new SessionFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        robin = riverside.as(ash, () -> relationships.refer(aReferral("Robin Fairweather", ash, "hill-helping-model",
                Urgency.SOON, today().minusWeeks(10), null)));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    static NewSession at(LocalDate day) {
        return new NewSession(day, LocalTime.of(10, 30), 50, MeetingMode.IN_PERSON, "Room 2");
    }

    static SessionRecord outcome(SessionOutcome outcome) {
        return new SessionRecord(outcome, Map.of(), Set.of());
    }

    List<AuditEntry> sessionAudit(UUID clientPartyId) {
        return riverside.inScope(() -> audit.forClient(clientPartyId, 0)).entries().stream()
                .filter(e -> e.recordType().equals("session")).toList();
    }

    long rows(String table) {
        return riverside.inScope(() -> jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }

    @Test
    void schedulesASessionThatShowsAmongTheHelpersUpcomingSessions() {
        SessionId id = riverside.as(ash, () -> sessions.schedule(robin, at(today().plusDays(3))));

        SessionInfo info = riverside.as(ash, () -> sessions.session(id));
        assertThat(info.outcome()).isEqualTo(SessionOutcome.SCHEDULED);
        assertThat(info.place()).isEqualTo("Room 2");
        assertThat(info.mayChange()).isTrue();
        assertThat(riverside.as(ash, () -> sessions.upcoming())).singleElement()
                .satisfies(u -> {
                    assertThat(u.clientPartyName()).isEqualTo("Robin Fairweather");
                    assertThat(u.on()).isEqualTo(today().plusDays(3));
                    assertThat(u.at()).isEqualTo(LocalTime.of(10, 30));
                });
        assertThat(sessionAudit(info.clientPartyId())).extracting(AuditEntry::action, AuditEntry::detail)
                .contains(tuple(AuditAction.CHANGE, "scheduled a session"), tuple(AuditAction.READ, "opened a session"));
    }

    @Test
    void recordsAGroupSessionWithAttendanceSkillsAndThePhaseItWasIn() {
        RelationshipId group = riverside.as(ash, () -> relationships.refer(aGroupReferral("Tuesday anxiety group", ash,
                today().minusWeeks(3), "Alex Birch", "Bo Hazel", "Cam Rowan", "Dee Alder")));
        int version = riverside.as(ash, () -> relationships.changeStatus(group, relationships.overview(group).version(),
                RelationshipStatus.ACTIVE, "Group starts"));
        int moved = riverside.as(ash, () -> relationships.moveToPhase(group, version, "insight", "Stories told"));
        SessionId id = riverside.as(ash, () -> sessions.schedule(group, at(today())));
        List<ClientMember> members = riverside.as(ash, () -> people.clientParty(
                new ClientPartyId(relationships.describe(group).clientPartyId()))).members();
        Map<UUID, Boolean> attendance = new LinkedHashMap<>();
        members.forEach(m -> attendance.put(m.id().value(), !m.name().equals("Cam Rowan")));

        int recorded = riverside.as(ash, () -> sessions.record(id, 0, new SessionRecord(SessionOutcome.ATTENDED,
                attendance, EnumSet.of(HelpingSkill.LISTENING, HelpingSkill.CHALLENGE, HelpingSkill.IMMEDIACY))));

        SessionInfo info = riverside.as(ash, () -> sessions.describe(id));
        assertThat(recorded).isEqualTo(1);
        assertThat(info.version()).isEqualTo(1);
        assertThat(info.outcome()).isEqualTo(SessionOutcome.ATTENDED);
        assertThat(info.phaseKey()).isEqualTo("insight");
        assertThat(info.phaseName()).isNotBlank();
        assertThat(info.skills()).containsExactlyInAnyOrder(HelpingSkill.LISTENING, HelpingSkill.CHALLENGE,
                HelpingSkill.IMMEDIACY);
        assertThat(info.attendance()).extracting(MemberAttendance::name, MemberAttendance::present)
                .containsExactlyInAnyOrder(tuple("Alex Birch", true), tuple("Bo Hazel", true), tuple("Cam Rowan", false),
                        tuple("Dee Alder", true));

        List<TimelineEntry> timeline = riverside.as(ash, () -> relationships.overview(group)).timeline();
        assertThat(timeline).extracting(TimelineEntry::title).contains("Session held");
        assertThat(timeline).filteredOn(e -> e.title().equals("Session held")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("3 of 4 present").doesNotContain("Cam", "Room 2"));

        // A correction later keeps the phase of the first recording, and is audited as one.
        riverside.as(ash, () -> relationships.moveToPhase(group, moved, "action", "Ready to act"));
        riverside.as(ash, () -> sessions.record(id, 1, new SessionRecord(SessionOutcome.ATTENDED, attendance,
                EnumSet.of(HelpingSkill.LISTENING))));
        SessionInfo corrected = riverside.as(ash, () -> sessions.describe(id));
        assertThat(corrected.phaseKey()).isEqualTo("insight");
        assertThat(corrected.skills()).containsExactly(HelpingSkill.LISTENING);
        assertThat(sessionAudit(info.clientPartyId())).extracting(AuditEntry::detail)
                .contains("recorded a session: attended", "corrected a session's record: attended");
    }

    @Test
    void refusesAttendanceForANonMemberAndStoresNothingOfIt() {
        RelationshipId group = riverside.as(ash, () -> relationships.refer(aGroupReferral("Thursday group", ash,
                today().minusWeeks(3), "Alex Birch", "Bo Hazel")));
        SessionId id = riverside.as(ash, () -> sessions.schedule(group, at(today())));
        Map<UUID, Boolean> stranger = Map.of(UUID.randomUUID(), true);

        assertThatThrownBy(() -> riverside.as(ash, () -> sessions.record(id, 0,
                new SessionRecord(SessionOutcome.ATTENDED, stranger, Set.of(HelpingSkill.LISTENING)))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("not a member");

        assertThat(riverside.as(ash, () -> sessions.describe(id)).outcome()).isEqualTo(SessionOutcome.SCHEDULED);
        assertThat(rows("session_attendance")).isZero();
        assertThat(rows("session_skill")).isZero();
    }

    @Test
    void refusesAStaleVersion() {
        SessionId id = riverside.as(ash, () -> sessions.schedule(robin, at(today())));
        riverside.as(ash, () -> sessions.record(id, 0, outcome(SessionOutcome.ATTENDED)));
        assertThatThrownBy(() -> riverside.as(ash, () -> sessions.record(id, 0, outcome(SessionOutcome.DID_NOT_ATTEND))))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(riverside.as(ash, () -> sessions.describe(id)).outcome()).isEqualTo(SessionOutcome.ATTENDED);
    }

    @Test
    void answersNotFoundForUnknownForeignAndOutOfCaseloadSessions() {
        SessionId id = riverside.as(ash, () -> sessions.schedule(robin, at(today().plusDays(1))));
        Staff bea = riverside.aHelper("Bea Quill");
        SessionFixtures hillside = new SessionFixtures(accounts, people, "Hillside Nursing");
        Staff cal = hillside.anAdmin("Cal Verity");

        assertThatThrownBy(() -> riverside.as(bea, () -> sessions.session(id))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> riverside.as(bea, () -> sessions.record(id, 0, outcome(SessionOutcome.CANCELLED_BY_CLIENT))))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> hillside.as(cal, () -> sessions.session(id))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> hillside.as(cal, () -> sessions.sessionsOf(robin))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> hillside.as(cal, () -> sessions.schedule(robin, at(today()))))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> riverside.as(ash, () -> sessions.session(new SessionId(UUID.randomUUID()))))
                .isInstanceOf(RecordNotFound.class);
        assertThat(riverside.as(bea, () -> sessions.upcoming())).isEmpty();
    }

    @Test
    void letsASupervisorSeeButNotChange() {
        SessionId id = riverside.as(ash, () -> sessions.schedule(robin, at(today())));
        Staff dana = riverside.staff("Dana Wren", Role.SUPERVISOR);
        riverside.supervises(dana, ash);

        assertThat(riverside.as(dana, () -> sessions.session(id)).mayChange()).isFalse();
        assertThat(riverside.as(dana, () -> sessions.sessionsOf(robin))).hasSize(1);
        assertThatThrownBy(() -> riverside.as(dana, () -> sessions.record(id, 0, outcome(SessionOutcome.ATTENDED))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> riverside.as(dana, () -> sessions.schedule(robin, at(today()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> riverside.as(dana, () -> sessions.describeForChange(id)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refusesNewSessionsOnceTheRelationshipHasEnded() {
        riverside.as(ash, () -> relationships.changeStatus(robin, relationships.overview(robin).version(),
                RelationshipStatus.ENDED, "Moved away"));
        assertThatThrownBy(() -> riverside.as(ash, () -> sessions.schedule(robin, at(today().plusDays(1)))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("ended");
        assertThat(rows("session")).isZero();
    }

    @Test
    void marksTheCaseloadLapsingAfterTwoSessionsNotAttendedOrWeeksWithoutContact() {
        RelationshipId sam = riverside.as(ash, () -> relationships.refer(aReferral("Sam Okafor", ash, "five-stage",
                Urgency.ROUTINE, today().minusWeeks(10), null)));
        // Only work under way can lapse, so both relationships are taken on first.
        for (RelationshipId taken : List.of(robin, sam)) {
            riverside.run(ash, () -> relationships.changeStatus(taken, relationships.overview(taken).version(),
                    org.rapport.relationships.RelationshipStatus.ACTIVE, "Taken on"));
        }
        riverside.run(ash, () -> {
            sessions.recordUnscheduled(robin, at(today().minusWeeks(3)), outcome(SessionOutcome.ATTENDED));
            sessions.recordUnscheduled(robin, at(today().minusWeeks(2)), outcome(SessionOutcome.DID_NOT_ATTEND));
            sessions.recordUnscheduled(robin, at(today().minusWeeks(1)), outcome(SessionOutcome.CANCELLED_BY_HELPER));
            sessions.recordUnscheduled(robin, at(today().minusDays(2)), outcome(SessionOutcome.DID_NOT_ATTEND));
            sessions.recordUnscheduled(sam, at(today().minusWeeks(6)), outcome(SessionOutcome.ATTENDED));
        });

        List<CaseloadEntry> caseload = riverside.as(ash, () -> relationships.caseload(false));

        assertThat(caseload).filteredOn(e -> e.id().equals(robin)).singleElement().satisfies(e -> {
            assertThat(e.lapsing()).isTrue();
            assertThat(e.lapsingBecause()).isEqualTo("two sessions in a row not attended");
            assertThat(e.lastContactOn()).isEqualTo(today().minusWeeks(3));
        });
        assertThat(caseload).filteredOn(e -> e.id().equals(sam)).singleElement().satisfies(e -> {
            assertThat(e.lapsing()).isTrue();
            assertThat(e.lapsingBecause()).isEqualTo("no contact for 6 weeks");
            assertThat(e.lastContactOn()).isEqualTo(today().minusWeeks(6));
        });

        riverside.run(ash, () -> sessions.recordUnscheduled(robin, at(today()), outcome(SessionOutcome.ATTENDED)));
        assertThat(riverside.as(ash, () -> relationships.caseload(false))).filteredOn(e -> e.id().equals(robin))
                .singleElement().satisfies(e -> {
                    assertThat(e.lapsing()).isFalse();
                    assertThat(e.lastContactOn()).isEqualTo(today());
                });
    }

    @Test
    void servesTheCalendarFeedWithNobodySignedInAndWithoutTheClientsName() throws Exception {
        riverside.run(ash, () -> {
            sessions.schedule(robin, at(today().plusDays(2)));
            sessions.schedule(robin, new NewSession(today().plusDays(9), LocalTime.of(14, 0), 90, MeetingMode.VIDEO, null));
            sessions.recordUnscheduled(robin, at(today().minusDays(1)), outcome(SessionOutcome.ATTENDED));
        });
        CalendarLink link = riverside.as(ash, () -> sessions.openCalendarFeed());
        assertThat(link.path()).matches("/calendar/[A-Za-z0-9_-]{43}\\.ics");
        String token = link.path().substring("/calendar/".length(), link.path().length() - ".ics".length());
        assertThat(riverside.inScope(() -> jdbc.sql("select token_hash from calendar_feed").query(String.class).single()))
                .isNotEqualTo(token).hasSize(64);

        SecurityContextHolder.clearContext();
        String ics = sessions.calendarFeed(token).orElseThrow();

        assertThat(ics).doesNotContain("Robin", "Fairweather", "Room 2").contains("Rapport session");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        assertThat(events).allSatisfy(e -> assertThat(e.getSummary().getValue()).isEqualTo("Rapport session"));

        CalendarLink replaced = riverside.as(ash, () -> sessions.openCalendarFeed());
        assertThat(sessions.calendarFeed(token)).isEmpty();
        String newToken = replaced.path().substring(10, replaced.path().length() - 4);
        assertThat(sessions.calendarFeed(newToken)).isPresent();
        riverside.run(ash, () -> sessions.revokeCalendarFeed());
        assertThat(sessions.calendarFeed(newToken)).isEmpty();
        assertThat(sessions.calendarFeed("not-a-token")).isEmpty();
        assertThat(riverside.inScope(() -> jdbc.sql("select count(*) from calendar_feed").query(Long.class).single())).isZero();
    }

    @Test
    void cancelsTheSessionsStillScheduledAfterTheEndingDateWhenTheRelationshipEnds() {
        SessionId today = riverside.as(ash, () -> sessions.schedule(robin, at(today())));
        SessionId nextWeek = riverside.as(ash, () -> sessions.schedule(robin, at(today().plusWeeks(1))));
        SessionId inTwoWeeks = riverside.as(ash, () -> sessions.schedule(robin, at(today().plusWeeks(2))));
        SessionId held = riverside.as(ash, () -> sessions.recordUnscheduled(robin, at(today().minusWeeks(1)),
                outcome(SessionOutcome.ATTENDED)));
        UUID client = riverside.as(ash, () -> relationships.describe(robin)).clientPartyId();

        riverside.run(ash, () -> relationships.end(robin, relationships.describe(robin).version(), today(), false,
                "moved-away", "Moved away"));

        Map<SessionId, SessionInfo> after = new LinkedHashMap<>();
        riverside.as(ash, () -> sessions.sessionsOf(robin)).forEach(s -> after.put(s.id(), s));
        assertThat(after.get(nextWeek).outcome()).isEqualTo(SessionOutcome.CANCELLED_BY_HELPER);
        assertThat(after.get(inTwoWeeks).outcome()).isEqualTo(SessionOutcome.CANCELLED_BY_HELPER);
        assertThat(after.get(today).outcome()).as("a session on the ending date may still be recorded")
                .isEqualTo(SessionOutcome.SCHEDULED);
        assertThat(after.get(held).outcome()).isEqualTo(SessionOutcome.ATTENDED);
        assertThat(riverside.as(ash, () -> sessions.upcoming())).extracting(UpcomingSession::id).doesNotContain(nextWeek, inTwoWeeks);
        assertThat(sessionAudit(client)).extracting(AuditEntry::action, AuditEntry::detail)
                .contains(tuple(AuditAction.CHANGE, "cancelled a scheduled session: the relationship was closed on " + today()));
        assertThat(sessionAudit(client).stream().filter(e -> e.detail().startsWith("cancelled a scheduled session"))).hasSize(2);
    }

    @Test
    void keepsTheSessionsScheduledWhenTheEndingIsUndone() {
        SessionId nextWeek = riverside.as(ash, () -> sessions.schedule(robin, at(today().plusWeeks(1))));

        riverside.run(ash, () -> assertThatThrownBy(() -> new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx -> {
            relationships.end(robin, relationships.describe(robin).version(), today(), false, "moved-away", "Moved away");
            throw new IllegalStateException("a later step of the closing failed");
        })).isInstanceOf(IllegalStateException.class));

        assertThat(riverside.as(ash, () -> sessions.session(nextWeek)).outcome()).isEqualTo(SessionOutcome.SCHEDULED);
        assertThat(riverside.as(ash, () -> relationships.describe(robin)).status()).isNotEqualTo(RelationshipStatus.ENDED);
    }
}
