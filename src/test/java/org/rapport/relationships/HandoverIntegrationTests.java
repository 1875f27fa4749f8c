package org.rapport.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.relationships.RelationshipFixtures.aReferral;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.goals.GoalManagement;
import org.rapport.goals.LevelDescriptions;
import org.rapport.goals.NewGoal;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.measures.MeasureManagement;
import org.rapport.notes.NoteManagement;
import org.rapport.people.HelperId;
import org.rapport.people.PeopleManagement;
import org.rapport.sessions.Continuity;
import org.rapport.sessions.NewSession;
import org.rapport.sessions.SessionId;
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

/**
 * Handing a relationship over, against PostgreSQL: the story travels with it and the new lead can
 * read it, upcoming sessions move, continuity is counted, the agreement is confirmed and accepted
 * again, and every refusal leaves everything as it was.
 */
@SpringBootTest
class HandoverIntegrationTests {

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired GoalManagement goals;
    @Autowired NoteManagement notes;
    @Autowired MeasureManagement measures;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    RelationshipFixtures riverside;
    Staff ash;
    Staff sam;
    RelationshipId robin;

    @BeforeEach
    void ashLeadsRobinWithAnAcceptedAgreement() {
        riverside = new RelationshipFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        sam = riverside.aHelper("Sam Lee");
        robin = riverside.as(ash, () -> relationships.refer(aReferral("Robin Fairweather", ash, "hill-helping-model",
                Urgency.ROUTINE, today().minusWeeks(8), null)));
        riverside.run(ash, () -> {
            relationships.changeStatus(robin, 0, RelationshipStatus.ACTIVE, "First meeting booked");
            relationships.reviseAgreement(robin, 1, RelationshipTests.termsReviewedOn(today().plusWeeks(6)), null);
            relationships.acceptAgreement(robin, 1, today(), AcceptanceMethod.IN_SESSION);
        });
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    int version(Staff who) {
        return riverside.as(who, () -> relationships.overview(robin)).version();
    }

    SessionId held(Staff who, LocalDate on, SessionOutcome outcome) {
        return riverside.as(who, () -> sessions.recordUnscheduled(robin,
                new NewSession(on, LocalTime.of(10, 0), 50, MeetingMode.IN_PERSON, "Room 2"),
                new SessionRecord(outcome, Map.of(), Set.of())));
    }

    SessionId scheduled(Staff who, LocalDate on) {
        return riverside.as(who, () -> sessions.schedule(robin,
                new NewSession(on, LocalTime.of(14, 0), 50, MeetingMode.VIDEO, null)));
    }

    HandoverMade handOver(Staff by, Staff to) {
        return riverside.as(by, () -> relationships.handOver(robin, version(by), to.helper(), HandoverReason.CASELOAD,
                "Robin sleeps better; next is the return to work. Robin knows and is glad to meet Sam."));
    }

    List<UUID> helpersOf(SessionId session) {
        return riverside.inScope(() -> jdbc.sql("select helper_id from session_helper where session_id = ?")
                .param(session.value()).query(UUID.class).list());
    }

    /** Everything a refused handover must leave as it was. */
    record Snapshot(int version, List<String> helpers, int revisions, int handovers, List<UUID> upcomingHelpers) {
    }

    Snapshot snapshot(SessionId upcoming) {
        Staff admin = riverside.anAdmin("Kit Admin " + UUID.randomUUID().toString().substring(0, 4));
        RelationshipOverview overview = riverside.as(admin, () -> relationships.overview(robin));
        return new Snapshot(overview.version(),
                overview.helpers().stream().map(h -> h.name() + (h.lead() ? " (lead)" : "")).toList(),
                overview.agreementRevisions().size(), overview.handovers().size(), helpersOf(upcoming));
    }

    @Test
    void theStoryTravelsToTheNewLeadWhoConfirmsWhileTheClientAcceptsTheAgreementAgain() {
        var goal = riverside.as(ash, () -> goals.setGoal(robin, new NewGoal(null, "Not sleeping", "To sleep through the night",
                new LevelDescriptions("No nights", "One night", "Three nights", "Five nights", "Every night"),
                new AttainmentLevel(-1), null, null, today().minusWeeks(6), null)));
        SessionId first = held(ash, today().minusWeeks(6), SessionOutcome.ATTENDED);
        held(ash, today().minusWeeks(5), SessionOutcome.ATTENDED);
        held(ash, today().minusWeeks(4), SessionOutcome.DID_NOT_ATTEND);
        held(ash, today().minusWeeks(3), SessionOutcome.ATTENDED);
        riverside.run(ash, () -> {
            var note = notes.write(first, "free", Map.of("Note", "Robin described the move and the sleepless weeks."));
            notes.sign(note, 0);
            notes.writeProcessNote(first, "I felt protective of Robin today.");
            measures.enterInSession(robin, "phq-9", phq9(2, 2, 1, 2, 1, 1, 1, 0, 0), null);
        });
        SessionId upcoming = scheduled(ash, today().plusDays(3));

        HandoverMade made = handOver(ash, sam);

        assertThat(made.number()).isEqualTo(1);
        // Ash leaves the relationship and his caseload; Sam gains it and leads it.
        assertThat(riverside.as(ash, () -> relationships.caseload(false))).noneMatch(e -> e.id().equals(robin));
        assertThatThrownBy(() -> riverside.as(ash, () -> relationships.describe(robin))).isInstanceOf(RecordNotFound.class);
        assertThat(riverside.as(sam, () -> relationships.caseload(false))).singleElement()
                .satisfies(e -> assertThat(e.leadHelperName()).isEqualTo("Sam Lee"));
        RelationshipInfo info = riverside.as(sam, () -> relationships.describeForChange(robin));
        assertThat(info.leadHelperId()).isEqualTo(sam.helper().value());
        assertThat(info.helperIds()).containsExactly(sam.helper().value());

        // The story is still there, and Sam reads it: agreement, goals, sessions, notes, measures.
        RelationshipOverview overview = riverside.as(sam, () -> relationships.overview(robin));
        assertThat(overview.agreementRevisions()).hasSize(2);
        assertThat(overview.handovers()).singleElement().satisfies(h -> {
            assertThat(h.fromHelperName()).isEqualTo("Ash Marlow");
            assertThat(h.toHelperName()).isEqualTo("Sam Lee");
            assertThat(h.reason()).isEqualTo(HandoverReason.CASELOAD);
            assertThat(h.note()).startsWith("Robin sleeps better");
            assertThat(h.handedOverByName()).isEqualTo("Ash Marlow");
        });
        assertThat(overview.timeline()).extracting(TimelineEntry::title).contains("Handed over from Ash Marlow to Sam Lee");
        assertThat(riverside.as(sam, () -> goals.goalsOf(robin)).goals()).extracting(g -> g.id()).containsExactly(goal);
        assertThat(riverside.as(sam, () -> sessions.sessionsOf(robin))).hasSize(5);
        assertThat(riverside.as(sam, () -> notes.noteOf(first))).hasValueSatisfying(n ->
                assertThat(n.sections()).extracting(s -> s.text()).contains("Robin described the move and the sleepless weeks."));
        assertThat(riverside.as(sam, () -> measures.scoresOf(robin))).singleElement()
                .satisfies(s -> assertThat(s.scores()).hasSize(1));
        // Ash's private process note stays his alone.
        assertThat(riverside.as(sam, () -> notes.processNoteOf(first))).isEmpty();

        // The upcoming session moved from Ash's calendar to Sam's.
        assertThat(helpersOf(upcoming)).containsExactly(sam.helper().value());
        assertThat(riverside.as(sam, () -> sessions.upcoming())).extracting(u -> u.id()).containsExactly(upcoming);
        assertThat(riverside.as(ash, () -> sessions.upcoming())).isEmpty();
        // Sessions already held keep the helper who was there.
        assertThat(helpersOf(first)).containsExactly(ash.helper().value());

        // Continuity by hand: three sessions attended, all with Ash, none with Sam.
        Continuity before = riverside.as(sam, () -> sessions.continuityOf(robin));
        assertThat(before.summary()).isEqualTo("0 of 3 attended sessions with Sam Lee (0%)");
        // Sam meets Robin: four attended, one with Sam, 1 / 4 = 25 %.
        held(sam, today(), SessionOutcome.ATTENDED);
        assertThat(riverside.as(sam, () -> sessions.continuityOf(robin)).summary())
                .isEqualTo("1 of 4 attended sessions with Sam Lee (25%)");

        // What is awaited, said plainly, until Sam confirms and the client accepts again.
        assertThat(overview.awaitedAfterHandover()).containsExactly(
                "Sam Lee to confirm taking the work on, with its working agreement.",
                "The client's acceptance of the working agreement (revision 2).");
        riverside.run(sam, () -> relationships.confirmHandover(robin, 1));
        riverside.run(sam, () -> relationships.acceptAgreement(robin, 2, today(), AcceptanceMethod.SIGNED));
        RelationshipOverview after = riverside.as(sam, () -> relationships.overview(robin));
        assertThat(after.awaitedAfterHandover()).isEmpty();
        assertThat(after.handovers().get(0).confirmedByName()).isEqualTo("Sam Lee");
        assertThat(after.currentAgreement().orElseThrow().acceptanceRecordedByName()).isEqualTo("Sam Lee");
        assertThat(after.timeline()).extracting(TimelineEntry::title).contains("Sam Lee confirmed taking the work on");
    }

    @Test
    void refusesAHelperOfAnotherOrganisationClearlyAndChangesNothing() {
        RelationshipFixtures hillside = new RelationshipFixtures(accounts, people, "Hillside Support");
        Staff elsewhere = hillside.aHelper("Jo Elsewhere");
        SessionId upcoming = scheduled(ash, today().plusDays(2));
        Snapshot before = snapshot(upcoming);

        assertThatThrownBy(() -> handOver(ash, elsewhere)).isInstanceOf(RuleBroken.class).hasMessage(
                "That helper is not one of this organisation's helpers. A relationship is handed over only within "
                        + "its organisation: choose the new helper from the list.");

        assertThat(snapshot(upcoming)).isEqualTo(before);
        assertThat(riverside.as(ash, () -> relationships.handovers(robin))).isEmpty();
    }

    @Test
    void refusesAnUnknownHelperAsClearly() {
        assertThatThrownBy(() -> riverside.run(ash, () -> relationships.handOver(robin, version(ash),
                new HelperId(UUID.randomUUID()), HandoverReason.OTHER, "Note")))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("not one of this organisation's helpers");
    }

    @Test
    void refusesAnInactiveHelper() {
        riverside.inScope(() -> jdbc.sql("update helper set active = false where helper_id = ?")
                .param(sam.helper().value()).update());
        SessionId upcoming = scheduled(ash, today().plusDays(2));
        Snapshot before = snapshot(upcoming);

        assertThatThrownBy(() -> handOver(ash, sam)).isInstanceOf(RuleBroken.class)
                .hasMessage("Sam Lee is no longer active and cannot take the relationship over.");
        assertThat(snapshot(upcoming)).isEqualTo(before);
    }

    @Test
    void refusesSomeoneOnTheStaffWhoIsNotAHelper() {
        Staff lee = riverside.staff("Lee Supervisor", Role.SUPERVISOR);
        SessionId upcoming = scheduled(ash, today().plusDays(2));
        Snapshot before = snapshot(upcoming);

        assertThatThrownBy(() -> handOver(ash, lee)).isInstanceOf(RuleBroken.class)
                .hasMessage("Lee Supervisor does not sign in as a helper, so could not carry the work on. "
                        + "Choose a helper who works with clients.");
        assertThat(snapshot(upcoming)).isEqualTo(before);
    }

    @Test
    void refusesAHandoverToTheHelperWhoAlreadyLeads() {
        SessionId upcoming = scheduled(ash, today().plusDays(2));
        Snapshot before = snapshot(upcoming);

        assertThatThrownBy(() -> handOver(ash, ash)).isInstanceOf(RuleBroken.class)
                .hasMessage("Ash Marlow already leads this relationship; choose another helper.");
        assertThat(snapshot(upcoming)).isEqualTo(before);
    }

    @Test
    void refusesAStaleVersion() {
        SessionId upcoming = scheduled(ash, today().plusDays(2));
        int loaded = version(ash);
        riverside.run(ash, () -> relationships.changeStatus(robin, loaded, RelationshipStatus.PAUSED, "Robin is away"));
        Snapshot before = snapshot(upcoming);

        assertThatThrownBy(() -> riverside.run(ash, () -> relationships.handOver(robin, loaded, sam.helper(),
                HandoverReason.CASELOAD, "Note"))).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(snapshot(upcoming)).isEqualTo(before);
    }

    @Test
    void refusesAnEndedRelationship() {
        riverside.run(ash, () -> relationships.end(robin, version(ash), LocalDate.now(clock), false, "moved-away"));

        assertThatThrownBy(() -> handOver(ash, sam)).isInstanceOf(RuleBroken.class)
                .hasMessage("The relationship has ended; it can no longer be handed over.");
        assertThat(riverside.as(ash, () -> relationships.handovers(robin))).isEmpty();
    }

    @Test
    void refusesSomeoneWhoIsNotOnTheRelationshipAsIfItWereNotThere() {
        Staff kim = riverside.aHelper("Kim Other");

        assertThatThrownBy(() -> riverside.run(kim, () -> relationships.handOver(robin, 2, sam.helper(),
                HandoverReason.CASELOAD, "Note"))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> riverside.run(kim, () -> relationships.handovers(robin))).isInstanceOf(RecordNotFound.class);
    }

    @Test
    void refusesASupervisorWhoOnlyReads() {
        Staff lee = riverside.staff("Lee Supervisor", Role.SUPERVISOR);
        riverside.supervises(lee, ash);

        assertThatThrownBy(() -> riverside.run(lee, () -> relationships.handOver(robin, 2, sam.helper(),
                HandoverReason.CASELOAD, "Note"))).isInstanceOf(AccessDeniedException.class);
        assertThat(riverside.as(lee, () -> relationships.handovers(robin))).isEmpty();
    }

    @Test
    void letsAnAdminHandOverAndStayOnIt() {
        Staff kit = riverside.anAdmin("Kit Admin");

        HandoverMade made = handOver(kit, sam);

        assertThat(made.version()).isEqualTo(version(kit));
        assertThat(riverside.as(kit, () -> relationships.handovers(robin))).singleElement()
                .satisfies(h -> assertThat(h.handedOverByName()).isEqualTo("Kit Admin"));
    }

    @Test
    void letsOnlyTheNewLeadConfirm() {
        Staff kit = riverside.anAdmin("Kit Admin");
        Staff lee = riverside.staff("Lee Supervisor", Role.SUPERVISOR);
        riverside.supervises(lee, sam);
        handOver(ash, sam);

        assertThatThrownBy(() -> riverside.run(ash, () -> relationships.confirmHandover(robin, 1)))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> riverside.run(kit, () -> relationships.confirmHandover(robin, 1)))
                .isInstanceOf(RuleBroken.class).hasMessage("Only Sam Lee, the new lead helper, confirms taking the work on.");
        assertThatThrownBy(() -> riverside.run(lee, () -> relationships.confirmHandover(robin, 1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> riverside.run(sam, () -> relationships.confirmHandover(robin, 7)))
                .isInstanceOf(RuleBroken.class).hasMessage("This relationship has no handover 7.");
        assertThat(riverside.as(sam, () -> relationships.handovers(robin)).get(0).isConfirmed()).isFalse();
    }

    static Map<String, Integer> phq9(int... values) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) answers.put(String.valueOf(i + 1), values[i]);
        return answers;
    }
}
