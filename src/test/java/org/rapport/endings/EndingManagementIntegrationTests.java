package org.rapport.endings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.endings.EndingFixtures.aReferral;
import static org.rapport.endings.EndingFixtures.confidence;
import static org.rapport.endings.EndingFixtures.door;
import static org.rapport.endings.EndingFixtures.gains;
import static org.rapport.endings.EndingFixtures.phq9;
import static org.rapport.endings.EndingFixtures.why;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.audit.AuditEntry;
import org.rapport.audit.AuditTrail;
import org.rapport.measures.MeasureManagement;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.CaseloadEntry;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.sessions.NewSession;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionOutcome;
import org.rapport.sessions.SessionRecord;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Endings against PostgreSQL, with row-level security: the four parts saved at their versions, the
 * planned close refused (storing nothing) until all four are done, the relationship ended and the
 * closing event published with the follow-up dates, unplanned endings with and without the open
 * door, drop-out counted, and the walls around other organisations, other caseloads and
 * supervisors. Each test opens its own organisations.
 */
@SpringBootTest
@RecordApplicationEvents
class EndingManagementIntegrationTests {

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired MeasureManagement measures;
    @Autowired EndingManagement endings;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ApplicationEvents events;

    EndingFixtures riverside;
    Staff ash;
    RelationshipId robin;

    @BeforeEach
    void bringRobinsWorkToItsEnding() {
        riverside = new EndingFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        robin = riverside.as(ash, () -> relationships.refer(aReferral("Robin Fairweather", ash, today().minusWeeks(14))));
        toStatus(robin, RelationshipStatus.ACTIVE, "Taken on");
        held(robin, today().minusWeeks(12));
        held(robin, today().minusWeeks(2));
        riverside.run(ash, () -> measures.enterInSession(robin, "phq-9", phq9(2, 2, 2, 2, 2, 2, 2, 2, 0), null)); // 16
        riverside.run(ash, () -> measures.enterInSession(robin, "phq-9", phq9(1, 1, 1, 1, 0, 0, 0, 0, 0), null)); // 4
        toStatus(robin, RelationshipStatus.ENDING, "Twelve sessions agreed, the twelfth is near");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    void toStatus(RelationshipId id, RelationshipStatus status, String why) {
        riverside.run(ash, () -> relationships.changeStatus(id, relationships.describe(id).version(), status, why));
    }

    void held(RelationshipId id, LocalDate on) {
        riverside.run(ash, () -> sessions.recordUnscheduled(id, new NewSession(on, LocalTime.of(10, 0), 50,
                MeetingMode.IN_PERSON, "Room 2"), new SessionRecord(SessionOutcome.ATTENDED, Map.of(), Set.of())));
    }

    List<LocalDate> dates() {
        return List.of(today().plusMonths(1), today().plusMonths(3), today().plusMonths(6));
    }

    int doAllFour() {
        return riverside.as(ash, () -> {
            int v = endings.saveGains(robin, 0, gains(true));
            v = endings.saveWhyItEnds(robin, v, why(true));
            v = endings.saveConfidence(robin, v, confidence(true));
            return endings.saveOpenDoor(robin, v, door(dates(), true));
        });
    }

    long endingRows() {
        return riverside.inScope(() -> jdbc.sql("select count(*) from ending").query(Long.class).single());
    }

    RelationshipStatus statusOf(RelationshipId id) {
        return riverside.as(ash, () -> relationships.describe(id).status());
    }

    @Test
    void assemblesTheGainsFromTheRecord() {
        EndingWorkspace workspace = riverside.as(ash, () -> endings.workspace(robin));
        assertThat(workspace.clientName()).isEqualTo("Robin Fairweather");
        assertThat(workspace.helperName()).isEqualTo("Ash Marlow");
        assertThat(workspace.version()).isZero();
        assertThat(workspace.inEndingPhase()).isTrue();
        assertThat(workspace.facts().sessionsAttended()).isEqualTo(2);
        assertThat(workspace.facts().lastAttendedOn()).isEqualTo(today().minusWeeks(2));
        assertThat(workspace.facts().measures()).singleElement().satisfies(m -> {
            assertThat(m.firstScore()).isEqualTo("16");
            assertThat(m.lastScore()).isEqualTo("4");
            assertThat(m.change()).isEqualTo("Reliable improvement");
            assertThat(m.recovery()).isEqualTo("Recovered");
        });
        // Taken into the ending straight from the first phase: the three between were never entered.
        assertThat(workspace.facts().phasesTravelled())
                .containsExactly("Establishing a working relationship", "Termination and ending");
        assertThat(workspace.missingParts()).hasSize(4);
        assertThat(workspace.suggestedDates()).containsExactly(today().minusWeeks(2).plusMonths(1),
                today().minusWeeks(2).plusMonths(3), today().minusWeeks(2).plusMonths(6));
    }

    @Test
    void refusesToCloseWithoutTheFourPartsAndStoresNothingHalf() {
        int version = riverside.as(ash, () -> {
            int v = endings.saveGains(robin, 0, gains(true));
            return endings.saveWhyItEnds(robin, v, why(true));
        });
        assertThatThrownBy(() -> riverside.as(ash, () -> endings.closePlanned(robin, version, null)))
                .isInstanceOf(RuleBroken.class)
                .hasMessageContaining("Still to do: Confidence moving forward, The open door.");
        assertThat(statusOf(robin)).isEqualTo(RelationshipStatus.ENDING);
        EndingWorkspace after = riverside.as(ash, () -> endings.workspace(robin));
        assertThat(after.hasClosed()).isFalse();
        assertThat(after.version()).isEqualTo(version);
        assertThat(events.stream(RelationshipClosed.class)).isEmpty();
    }

    @Test
    void closesAsPlannedAndPublishesTheFollowUpDates() {
        int version = doAllFour();
        ClosedEnding closed = riverside.as(ash, () -> endings.closePlanned(robin, version, null));

        assertThat(closed.planned()).isTrue();
        assertThat(closed.endedOn()).isEqualTo(today());
        assertThat(closed.reason()).isEqualTo("agreed-sessions-reached");
        assertThat(closed.reconnectPath()).as("the follow-ups module issues the reconnect link").startsWith("/reconnect/");
        assertThat(statusOf(robin)).isEqualTo(RelationshipStatus.ENDED);
        assertThat(riverside.as(ash, () -> relationships.caseload(false))).extracting(CaseloadEntry::id).doesNotContain(robin);

        RelationshipClosed event = events.stream(RelationshipClosed.class).findFirst().orElseThrow();
        assertThat(event.relationship()).isEqualTo(robin);
        assertThat(event.planned()).isTrue();
        assertThat(event.reason()).isEqualTo("agreed-sessions-reached");
        assertThat(event.followUpDates()).containsExactlyElementsOf(dates());
        assertThat(event.followUpInstrumentKey()).isEqualTo("phq-9");
        assertThat(event.endedOn()).isEqualTo(today());
        assertThat(event.lastSessionOn()).isEqualTo(today().minusWeeks(2));
        assertThat(event.leadHelperId()).isEqualTo(ash.helper().value());

        EndingLetter letter = riverside.as(ash, () -> endings.letter(robin));
        assertThat(letter.closed()).isTrue();
        assertThat(letter.gains()).isEqualTo(EndingFixtures.GAINS);
        assertThat(letter.reasonToClient()).contains("number of sessions we agreed");
        assertThat(letter.followUpDates()).containsExactlyElementsOf(dates());
        assertThat(letter.followUpMeasure()).contains("PHQ-9");

        assertThatThrownBy(() -> riverside.as(ash, () -> endings.saveGains(robin, version + 1, gains(true))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("closed");
    }

    @Test
    void refusesAPlannedEndingDateInTheFutureOrBeforeTheReferral() {
        int version = doAllFour();
        assertThatThrownBy(() -> riverside.as(ash, () -> endings.closePlanned(robin, version, today().plusDays(1))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("future");
        assertThatThrownBy(() -> riverside.as(ash, () -> endings.closePlanned(robin, version, today().minusYears(1))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("before the referral");
        assertThat(statusOf(robin)).isEqualTo(RelationshipStatus.ENDING);
    }

    @Test
    void refusesAStaleVersion() {
        int version = riverside.as(ash, () -> endings.saveGains(robin, 0, gains(false)));
        assertThatThrownBy(() -> riverside.as(ash, () -> endings.saveWhyItEnds(robin, version - 1, why(true))))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> riverside.as(ash, () -> endings.saveGains(robin, 0, gains(true))))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> riverside.as(ash, () -> endings.closePlanned(robin, version + 3, null)))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void refusesAStatusChangeThatWouldEndWorkUnderWay() {
        RelationshipId sam = riverside.as(ash, () -> relationships.refer(aReferral("Sam Okafor", ash, today().minusWeeks(3))));
        toStatus(sam, RelationshipStatus.ACTIVE, "Taken on");
        assertThatThrownBy(() -> toStatus(sam, RelationshipStatus.ENDED, "Moved away")).isInstanceOf(RuleBroken.class)
                .hasMessageStartingWith("Close the work from its ending");
        RelationshipId kim = riverside.as(ash, () -> relationships.refer(aReferral("Kim Ahlberg", ash, today().minusWeeks(3))));
        toStatus(kim, RelationshipStatus.ENDED, "Referral not taken up");
        assertThat(statusOf(kim)).isEqualTo(RelationshipStatus.ENDED);
    }

    @Test
    void closesUnplannedWithTheOpenDoorOffered() {
        RelationshipId sam = riverside.as(ash, () -> relationships.refer(aReferral("Sam Okafor", ash, today().minusWeeks(16))));
        toStatus(sam, RelationshipStatus.ACTIVE, "Taken on");
        held(sam, today().minusWeeks(10));
        int version = riverside.as(ash, () -> relationships.describe(sam).version());
        ClosedEnding closed = riverside.as(ash, () -> endings.closeUnplanned(sam, new UnplannedClosing(version,
                "moved-away", null, null, List.of(today().plusMonths(1)), "rapport-check-in")));
        assertThat(closed.planned()).isFalse();
        assertThat(closed.followUpDates()).containsExactly(today().plusMonths(1));
        RelationshipClosed event = events.stream(RelationshipClosed.class).findFirst().orElseThrow();
        assertThat(event.planned()).isFalse();
        assertThat(event.reason()).isEqualTo("moved-away");
        assertThat(event.followUpDates()).containsExactly(today().plusMonths(1));
        assertThat(event.followUpInstrumentKey()).isEqualTo("rapport-check-in");
        assertThat(event.lastSessionOn()).isEqualTo(today().minusWeeks(10));
        assertThat(statusOf(sam)).isEqualTo(RelationshipStatus.ENDED);
    }

    @Test
    void closesUnplannedWithoutTheOpenDoorAndCountsTheDropOut() {
        RelationshipId sam = riverside.as(ash, () -> relationships.refer(aReferral("Sam Okafor", ash, today().minusWeeks(16))));
        toStatus(sam, RelationshipStatus.ACTIVE, "Taken on");
        held(sam, today().minusWeeks(10));
        int version = riverside.as(ash, () -> relationships.describe(sam).version());
        riverside.run(ash, () -> endings.closeUnplanned(sam, new UnplannedClosing(version, "dropped-out", null,
                today().minusDays(3), List.of(), null)));
        RelationshipClosed event = events.stream(RelationshipClosed.class).findFirst().orElseThrow();
        assertThat(event.followUpDates()).isEmpty();
        assertThat(event.followUpInstrumentKey()).isNull();
        assertThat(event.endedOn()).isEqualTo(today().minusDays(3));

        int robinsVersion = doAllFour();
        riverside.run(ash, () -> endings.closePlanned(robin, robinsVersion, null));

        EndingsSummary summary = riverside.as(ash, () -> endings.summary(today().minusMonths(1), today()));
        assertThat(summary.planned()).isEqualTo(1);
        assertThat(summary.unplanned()).isEqualTo(1);
        assertThat(summary.droppedOut()).isEqualTo(1);
        assertThat(summary.unplannedByReason()).containsEntry("dropped-out", 1);
        assertThat(summary.plannedByReason()).containsEntry("agreed-sessions-reached", 1);
        assertThat(riverside.as(ash, () -> endings.summary(today().minusYears(2), today().minusYears(1))).planned()).isZero();
        assertThatThrownBy(() -> riverside.as(ash, () -> endings.summary(today(), today().minusDays(1))))
                .isInstanceOf(RuleBroken.class);
    }

    @Test
    void refusesBadUnplannedClosings() {
        int version = riverside.as(ash, () -> relationships.describe(robin).version());
        assertThatThrownBy(() -> riverside.as(ash, () -> endings.closeUnplanned(robin,
                new UnplannedClosing(version, "fell-out", null, null, List.of(), null))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("dropped-out (Dropped out (stopped coming without saying))");
        assertThatThrownBy(() -> riverside.as(ash, () -> endings.closeUnplanned(robin,
                new UnplannedClosing(version, "other", " ", null, List.of(), null))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("other");
        assertThatThrownBy(() -> riverside.as(ash, () -> endings.closeUnplanned(robin,
                new UnplannedClosing(version, "moved-away", null, null, List.of(today().minusDays(1)), "phq-9"))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("must fall after");
        assertThatThrownBy(() -> riverside.as(ash, () -> endings.closeUnplanned(robin,
                new UnplannedClosing(version - 1, "moved-away", null, null, List.of(), null))))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(statusOf(robin)).isEqualTo(RelationshipStatus.ENDING);
        assertThat(endingRows()).isZero();
        assertThat(events.stream(RelationshipClosed.class)).isEmpty();
    }

    @Test
    void keepsOtherOrganisationsAndOtherCaseloadsOut() {
        Staff kit = riverside.aHelper("Kit Varga");
        assertThatThrownBy(() -> riverside.as(kit, () -> endings.workspace(robin))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> riverside.as(kit, () -> endings.saveGains(robin, 0, gains(true))))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> riverside.as(kit, () -> endings.letter(robin))).isInstanceOf(RecordNotFound.class);

        EndingFixtures hillside = new EndingFixtures(accounts, people, "Hillside Support");
        Staff admin = hillside.anAdmin("Mo Adeyemi");
        assertThatThrownBy(() -> hillside.as(admin, () -> endings.workspace(robin))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> hillside.as(admin, () -> endings.closePlanned(robin, 0, null)))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> riverside.as(ash, () -> endings.workspace(new RelationshipId(UUID.randomUUID()))))
                .isInstanceOf(RecordNotFound.class);
        assertThat(endingRows()).isZero();
    }

    @Test
    void letsASupervisorReadButNotChange() {
        Staff dana = riverside.staff("Dana Quist", Role.HELPER, Role.SUPERVISOR);
        riverside.supervises(dana, ash);
        int version = riverside.as(ash, () -> endings.saveGains(robin, 0, gains(true)));
        EndingWorkspace seen = riverside.as(dana, () -> endings.workspace(robin));
        assertThat(seen.mayChange()).isFalse();
        assertThat(seen.gains().summary()).isEqualTo(EndingFixtures.GAINS);
        assertThatThrownBy(() -> riverside.as(dana, () -> endings.saveWhyItEnds(robin, version, why(true))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> riverside.as(dana, () -> endings.closePlanned(robin, version, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refusesTheWorkspaceBeforeTheEndingPhase() {
        RelationshipId sam = riverside.as(ash, () -> relationships.refer(aReferral("Sam Okafor", ash, today().minusWeeks(3))));
        toStatus(sam, RelationshipStatus.ACTIVE, "Taken on");
        assertThatThrownBy(() -> riverside.as(ash, () -> endings.workspace(sam))).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("ending phase");
        assertThatThrownBy(() -> riverside.as(ash, () -> endings.saveGains(sam, 0, gains(true)))).isInstanceOf(RuleBroken.class);
    }

    @Test
    void auditsReadsAndChangesWithoutClientContent() {
        UUID party = riverside.as(ash, () -> relationships.describe(robin).clientPartyId());
        int version = doAllFour();
        riverside.run(ash, () -> endings.workspace(robin));
        riverside.run(ash, () -> endings.closePlanned(robin, version, null));
        riverside.run(ash, () -> endings.letter(robin));
        List<AuditEntry> entries = riverside.inScope(() -> audit.forClient(party, 0)).entries();
        assertThat(entries).extracting(AuditEntry::detail).contains("saved the gains made (part one of the ending)",
                "saved the open door (part four of the ending)", "opened the ending workspace", "closed the work as planned",
                "opened the ending letter", "ended the work as planned");
        assertThat(entries).extracting(AuditEntry::detail).noneMatch(d -> d.contains("allotment") || d.contains("sister"));
    }

    @Test
    void promptsTheCaseloadWhenWorkHasLapsedForEightWeeks() {
        RelationshipId sam = riverside.as(ash, () -> relationships.refer(aReferral("Sam Okafor", ash, today().minusWeeks(16))));
        toStatus(sam, RelationshipStatus.ACTIVE, "Taken on");
        held(sam, today().minusWeeks(9));
        CaseloadEntry entry = riverside.as(ash, () -> relationships.caseload(false)).stream()
                .filter(e -> e.id().equals(sam)).findFirst().orElseThrow();
        assertThat(entry.lapsing()).isTrue();
        assertThat(entry.lapsingBecause()).isEqualTo("no attended session for 9 weeks; close it as unplanned?");
    }
}
