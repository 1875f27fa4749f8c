package org.rapport.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.rapport.relationships.RelationshipFixtures.aReferral;
import static org.rapport.relationships.RelationshipStatus.ACTIVE;
import static org.rapport.relationships.RelationshipStatus.ENDED;
import static org.rapport.relationships.RelationshipStatus.ENDING;
import static org.rapport.relationships.RelationshipStatus.PAUSED;
import static org.rapport.relationships.RelationshipStatus.REFERRED;
import static org.rapport.relationships.RelationshipStatus.WAITLISTED;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.audit.AuditAction;
import org.rapport.audit.AuditEntry;
import org.rapport.audit.AuditTrail;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.PeopleDirectory;
import org.rapport.people.PeopleManagement;
import org.rapport.processmodels.BuiltInProcessModels;
import org.rapport.processmodels.ProcessModel;
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
 * The relationships module against PostgreSQL, with its row-level security: referrals, the walk
 * through a process model, optimistic locking, who may see and change what, the caseload, and the
 * audit trail. Each test opens its own organisations.
 */
@SpringBootTest
class RelationshipManagementIntegrationTests {

    static final String HILL = "hill-helping-model";
    static final String PEPLAU = "peplau-nurse-client";

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired PeopleDirectory directory;
    @Autowired RelationshipManagement relationships;
    @Autowired Relationships stored;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired BuiltInProcessModels builtIns;
    @Autowired Clock clock;

    RelationshipFixtures riverside;
    Staff ash;

    @BeforeEach
    void openAnOrganisationWithAHelper() {
        riverside = new RelationshipFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    RelationshipId refer(Staff lead, String clientName, Urgency urgency, LocalDate referredOn, Staff... others) {
        return riverside.as(lead, () -> relationships.refer(aReferral(clientName, lead, HILL, urgency, referredOn, null,
                others)));
    }

    RelationshipId referRobin() {
        return refer(ash, "Robin Fairweather", Urgency.SOON, today().minusDays(3));
    }

    AgreementTerms termsReviewedOn(LocalDate reviewOn) {
        return new AgreementTerms("To sleep again and feel less stuck", "Weekly", 50, Set.of(MeetingMode.IN_PERSON),
                "Ash listens and guides; Robin brings what matters", "Private unless someone is at risk", reviewOn,
                "Two closing sessions");
    }

    int versionOf(Staff who, RelationshipId id) {
        return riverside.as(who, () -> relationships.overview(id)).version();
    }

    List<AuditEntry> relationshipAudit(RelationshipId id) {
        UUID client = riverside.as(ash, () -> stored.findById(id.value())).orElseThrow().clientPartyId();
        return riverside.inScope(() -> audit.forClient(client, 0)).entries().stream()
                .filter(e -> e.recordType().equals("relationship")).toList();
    }

    long changesAudited(RelationshipId id) {
        return relationshipAudit(id).stream().filter(e -> e.action() == AuditAction.CHANGE).count();
    }

    @Test
    void takesAReferralAndShowsItOnTheRelationshipPage() {
        Staff bo = riverside.aHelper("Bo Tern");
        LocalDate referredOn = today().minusDays(3);

        RelationshipId id = refer(ash, "Robin Fairweather", Urgency.SOON, referredOn, bo);
        RelationshipOverview overview = riverside.as(ash, () -> relationships.overview(id));

        assertThat(overview.id()).isEqualTo(id);
        assertThat(overview.clientParty().name()).isEqualTo("Robin Fairweather");
        assertThat(overview.clientParty().kind()).isEqualTo(ClientPartyKind.PERSON);
        assertThat(overview.helpers()).containsExactly(new RelationshipOverview.HelperName("Ash Marlow", true),
                new RelationshipOverview.HelperName("Bo Tern", false));
        assertThat(overview.teamName()).isNull();
        assertThat(overview.status()).isEqualTo(REFERRED);
        assertThat(overview.nextStatuses()).containsExactlyInAnyOrder(WAITLISTED, ACTIVE, ENDED);
        assertThat(overview.model().key()).isEqualTo(HILL);
        assertThat(overview.phaseNumber()).isEqualTo(1);
        assertThat(overview.currentPhase().key()).isEqualTo("exploration");
        assertThat(overview.currentTasks()).hasSize(4).noneMatch(PhaseTask::isDone);
        assertThat(overview.referral()).isEqualTo(new Referral("Brook Lane surgery",
                "Low mood and poor sleep since the move", referredOn, Urgency.SOON));
        assertThat(overview.agreementRevisions()).isEmpty();
        assertThat(overview.nextReviewOn()).isNull();
        assertThat(overview.lastContactOn()).isNull();
        assertThat(overview.mayChange()).isTrue();
        assertThat(overview.timeline()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo("referral");
            assertThat(entry.title()).isEqualTo("Referral taken");
            assertThat(entry.detail()).contains("Brook Lane surgery",
                    referredOn.format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK)), "Soon");
            assertThat(entry.by()).as("who took the referral").isEqualTo("Ash Marlow");
        });
        assertThat(riverside.as(bo, () -> relationships.overview(id)).mayChange()).isTrue();
    }

    @Test
    void opensOneRelationshipForAReferralSentTwice() {
        UUID submission = UUID.randomUUID();
        NewReferral referral = aReferral("Robin Fairweather", ash, HILL, Urgency.ROUTINE, today(), submission);

        RelationshipId first = riverside.as(ash, () -> relationships.refer(referral));
        RelationshipId second = riverside.as(ash, () -> relationships.refer(referral));

        assertThat(second).isEqualTo(first);
        assertThat(riverside.as(ash, () -> relationships.caseload(true))).extracting(CaseloadEntry::id)
                .containsExactly(first);
        assertThat(riverside.inScope(() -> directory.clientParties())).hasSize(1);
    }

    @Test
    void takesAnotherReferralForAClientTheHelperAlreadyWorksWith() {
        RelationshipId first = referRobin();
        var robin = riverside.as(ash, () -> relationships.overview(first)).clientParty().id();

        RelationshipId second = riverside.as(ash, () -> relationships.refer(new NewReferral(null, robin,
                new Referral("Self", "Wants to come back", today(), Urgency.ROUTINE), ash.helper(), null, List.of(),
                HILL, null)));

        assertThat(second).isNotEqualTo(first);
        assertThat(riverside.as(ash, () -> relationships.overview(second)).clientParty().id()).isEqualTo(robin);
    }

    @Test
    void hidesAClientFromAHelperWhoDoesNotWorkWithThem() {
        RelationshipId first = referRobin();
        var robin = riverside.as(ash, () -> relationships.overview(first)).clientParty().id();
        Staff cy = riverside.aHelper("Cy Vance");

        assertThatThrownBy(() -> riverside.as(cy, () -> relationships.refer(new NewReferral(null, robin,
                new Referral("Self", "Wants another helper", today(), Urgency.ROUTINE), cy.helper(), null, List.of(),
                HILL, null)))).isInstanceOf(RecordNotFound.class);
    }

    @Test
    void refusesAReferralFromAHelperWhoIsNotAmongItsHelpers() {
        Staff bo = riverside.aHelper("Bo Tern");

        assertThatThrownBy(() -> riverside.as(ash, () -> relationships.refer(aReferral("Robin Fairweather", bo, HILL,
                Urgency.SOON, today(), null)))).isInstanceOf(RuleBroken.class).hasMessageContaining("include yourself");
        assertThat(riverside.inScope(() -> directory.clientParties())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { HILL, PEPLAU })
    void walksFromReferralThroughEveryPhaseToTheEnd(String modelKey) {
        ProcessModel model = builtIns.find(modelKey).orElseThrow();
        RelationshipId id = riverside.as(ash, () -> relationships.refer(aReferral("Robin Fairweather", ash, modelKey,
                Urgency.SOON, today().minusDays(14), null)));

        riverside.run(ash, () -> {
            int version = relationships.overview(id).version();
            version = relationships.changeStatus(id, version, WAITLISTED, "No space until next month");
            version = relationships.changeStatus(id, version, ACTIVE, "A place opened");
            assertThat(relationships.reviseAgreement(id, version, termsReviewedOn(today().plusWeeks(6)), null))
                    .isEqualTo(1);
            version = relationships.acceptAgreement(id, 1, today(), AcceptanceMethod.IN_SESSION);
            for (int phase = 1; phase < model.phaseCount(); phase++) {
                version = relationships.tickTask(id, model.phase(phase - 1).key(), 0, today());
                version = relationships.moveToPhase(id, version, model.phase(phase).key(),
                        "Ready for " + model.phase(phase).name());
            }
            assertThat(relationships.overview(id).status()).isEqualTo(ENDING);
            version = relationships.tickTask(id, model.ending().key(), 0, today());
            int ready = version;
            // Work under way ends from its ending (the endings module calls end() once the four parts are done).
            assertThatThrownBy(() -> relationships.changeStatus(id, ready, ENDED, "Last session held"))
                    .isInstanceOf(RuleBroken.class).hasMessageStartingWith("Close the work from its ending");
            assertThatThrownBy(() -> relationships.end(id, ready, today().plusDays(1), true, "goals-met"))
                    .isInstanceOf(RuleBroken.class).hasMessageContaining("future");
            relationships.end(id, ready, today(), true, "goals-met");
        });

        RelationshipOverview overview = riverside.as(ash, () -> relationships.overview(id));
        int phases = model.phaseCount();
        assertThat(overview.status()).isEqualTo(ENDED);
        assertThat(overview.nextStatuses()).isEmpty();
        assertThat(overview.phaseIndex()).isEqualTo(phases - 1);
        assertThat(overview.currentTasks().get(0).isDone()).isTrue();
        assertThat(overview.agreementRevisions()).singleElement().satisfies(revision -> {
            assertThat(revision.acceptedOn()).isEqualTo(today());
            assertThat(revision.acceptedHow()).isEqualTo(AcceptanceMethod.IN_SESSION);
        });
        assertThat(overview.lastContactOn()).isEqualTo(today());
        assertThat(overview.reviewOverdue()).isFalse();
        assertThat(overview.timeline()).extracting(TimelineEntry::kind).filteredOn("status"::equals).hasSize(4);
        assertThat(overview.timeline()).extracting(TimelineEntry::kind).filteredOn("phase"::equals)
                .hasSize(phases - 1);
        assertThat(overview.timeline()).extracting(TimelineEntry::kind).filteredOn("task"::equals).hasSize(phases);
        assertThat(overview.timeline()).extracting(TimelineEntry::title).contains("Working agreement written",
                "Client accepted revision 1", "Moved on to " + model.ending().name(), "Status: Ending → Ended");

        Relationship reloaded = riverside.inScope(() -> stored.findById(id.value())).orElseThrow();
        assertThat(reloaded.statusChanges()).extracting(StatusChange::fromStatus, StatusChange::toStatus,
                StatusChange::reason, StatusChange::changedByName).containsExactly(
                        tuple(REFERRED, WAITLISTED, "No space until next month", "Ash Marlow"),
                        tuple(WAITLISTED, ACTIVE, "A place opened", "Ash Marlow"),
                        tuple(ACTIVE, ENDING, "Ready for " + model.ending().name(), "Ash Marlow"),
                        tuple(ENDING, ENDED, "Ended as planned on " + today() + " (goals-met)", "Ash Marlow"));
        assertThat(reloaded.phaseMoves()).extracting(PhaseMove::toPhaseName)
                .containsExactlyElementsOf(model.phases().subList(1, phases).stream().map(p -> p.name()).toList());
        assertThat(reloaded.phaseMoves()).allSatisfy(move -> {
            assertThat(move.isStepBack()).isFalse();
            assertThat(move.movedByName()).isEqualTo("Ash Marlow");
            assertThat(move.reason()).isEqualTo("Ready for " + move.toPhaseName());
        });
        assertThat(reloaded.taskCompletions()).extracting(TaskCompletion::phaseKey)
                .containsExactlyElementsOf(model.phases().stream().map(p -> p.key()).toList());
    }

    @Test
    void keepsAStepBackAndItsReasonAfterReloading() {
        RelationshipId id = referRobin();

        int loaded = versionOf(ash, id);
        riverside.run(ash, () -> {
            int version = relationships.changeStatus(id, loaded, ACTIVE, "Taken on");
            version = relationships.moveToPhase(id, version, "insight", "Story told");
            relationships.moveToPhase(id, version, "exploration", "A bereavement brought new things to explore");
        });

        RelationshipOverview overview = riverside.as(ash, () -> relationships.overview(id));
        assertThat(overview.currentPhase().key()).isEqualTo("exploration");
        assertThat(overview.timeline().get(0)).satisfies(latest -> {
            assertThat(latest.title()).isEqualTo("Stepped back to Exploration");
            assertThat(latest.detail()).isEqualTo("From Insight. A bereavement brought new things to explore");
            assertThat(latest.by()).isEqualTo("Ash Marlow");
        });
    }

    @Test
    void refusesAChangeMadeOnAStaleVersionAndStoresNothing() {
        RelationshipId id = referRobin();
        int loaded = versionOf(ash, id);
        int current = riverside.as(ash, () -> relationships.changeStatus(id, loaded, ACTIVE, "Taken on"));
        long changes = changesAudited(id);

        assertThat(current).isNotEqualTo(loaded);
        assertThatThrownBy(() -> riverside.as(ash, () -> relationships.changeStatus(id, loaded, PAUSED, "Holiday")))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> riverside.as(ash, () -> relationships.moveToPhase(id, loaded, "insight", "On")))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> riverside.as(ash, () -> relationships.reviseAgreement(id, loaded,
                termsReviewedOn(today().plusWeeks(4)), null))).isInstanceOf(OptimisticLockingFailureException.class);

        RelationshipOverview overview = riverside.as(ash, () -> relationships.overview(id));
        assertThat(overview.version()).isEqualTo(current);
        assertThat(overview.status()).isEqualTo(ACTIVE);
        assertThat(overview.phaseIndex()).isZero();
        assertThat(overview.agreementRevisions()).isEmpty();
        assertThat(changesAudited(id)).isEqualTo(changes);
    }

    @Test
    void refusesToOverwriteAChangeSavedInTheMeantime() {
        RelationshipId id = referRobin();
        ProcessModel hill = builtIns.find(HILL).orElseThrow();
        Actor someone = new Actor(UUID.randomUUID(), "Ash Marlow", ash.helper().value());
        Relationship first = riverside.inScope(() -> stored.findById(id.value())).orElseThrow();
        Relationship second = riverside.inScope(() -> stored.findById(id.value())).orElseThrow();

        first.changeStatus(ACTIVE, "Taken on", hill, someone, clock.instant());
        riverside.inScope(() -> stored.save(first));
        second.changeStatus(WAITLISTED, "No space", hill, someone, clock.instant());

        assertThatThrownBy(() -> riverside.inScope(() -> stored.save(second)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        Relationship reloaded = riverside.inScope(() -> stored.findById(id.value())).orElseThrow();
        assertThat(reloaded.status()).isEqualTo(ACTIVE);
        assertThat(reloaded.statusChanges()).extracting(StatusChange::toStatus).containsExactly(ACTIVE);
    }

    @Test
    void hidesARelationshipFromAHelperWhoIsNotAParty() {
        RelationshipId id = referRobin();
        Staff cy = riverside.aHelper("Cy Vance");

        assertThatThrownBy(() -> riverside.as(cy, () -> relationships.overview(id))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> riverside.as(cy, () -> relationships.changeStatus(id, 0, ACTIVE, "Mine now")))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> riverside.as(cy, () -> relationships.tickTask(id, "exploration", 0, today())))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> riverside.as(cy, () -> relationships.reviseAgreement(id, 0,
                termsReviewedOn(today()), null))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> riverside.as(cy, () -> relationships.acceptAgreement(id, 1, today(),
                AcceptanceMethod.SIGNED))).isInstanceOf(RecordNotFound.class);
        assertThat(riverside.as(cy, () -> relationships.caseload(true))).isEmpty();

        RelationshipOverview unchanged = riverside.as(ash, () -> relationships.overview(id));
        assertThat(unchanged.status()).isEqualTo(REFERRED);
        assertThat(unchanged.currentTasks()).noneMatch(PhaseTask::isDone);
    }

    @Test
    void letsASupervisorSeeTheirSuperviseesRelationshipsButNotChangeThem() {
        RelationshipId id = referRobin();
        Staff sam = riverside.staff("Sam Okafor", Role.SUPERVISOR, Role.HELPER);
        riverside.supervises(sam, ash);

        RelationshipOverview seen = riverside.as(sam, () -> relationships.overview(id));

        assertThat(seen.status()).isEqualTo(REFERRED);
        assertThat(seen.mayChange()).isFalse();
        assertThat(riverside.as(sam, () -> relationships.caseload(false))).extracting(CaseloadEntry::id)
                .containsExactly(id);
        assertThat(riverside.as(sam, () -> relationships.caseload(false)).get(0).mayChange()).isFalse();
        assertThat(riverside.as(ash, () -> relationships.caseload(false)).get(0).mayChange()).isTrue();
        assertThatThrownBy(() -> riverside.as(sam, () -> relationships.changeStatus(id, seen.version(), ACTIVE,
                "Taken on"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> riverside.as(sam, () -> relationships.tickTask(id, "exploration", 0, today())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(riverside.as(ash, () -> relationships.overview(id)).status()).isEqualTo(REFERRED);
    }

    @Test
    void hidesARelationshipFromASupervisorOfSomeoneElse() {
        RelationshipId id = referRobin();
        Staff bo = riverside.aHelper("Bo Tern");
        Staff sam = riverside.staff("Sam Okafor", Role.SUPERVISOR);
        riverside.supervises(sam, bo);

        assertThatThrownBy(() -> riverside.as(sam, () -> relationships.overview(id))).isInstanceOf(RecordNotFound.class);
        assertThat(riverside.as(sam, () -> relationships.caseload(true))).isEmpty();
    }

    @Test
    void letsAnAdminSeeAndChangeAnyRelationship() {
        RelationshipId id = referRobin();
        Staff ada = riverside.anAdmin("Ada Quill");

        RelationshipOverview seen = riverside.as(ada, () -> relationships.overview(id));
        riverside.as(ada, () -> relationships.changeStatus(id, seen.version(), WAITLISTED, "No space this month"));

        assertThat(seen.mayChange()).isTrue();
        RelationshipOverview changed = riverside.as(ash, () -> relationships.overview(id));
        assertThat(changed.status()).isEqualTo(WAITLISTED);
        assertThat(changed.timeline().get(0).by()).isEqualTo("Ada Quill");
        assertThat(riverside.as(ada, () -> relationships.caseload(false))).extracting(CaseloadEntry::id)
                .containsExactly(id);
    }

    @Test
    void namesTheAdminWhoTookAReferralOnTheTimeline() {
        Staff ada = riverside.anAdmin("Ada Quill");
        RelationshipId id = riverside.as(ada, () -> relationships.refer(aReferral("Robin Fairweather", ash, HILL,
                Urgency.ROUTINE, today(), null)));

        assertThat(riverside.as(ash, () -> relationships.overview(id)).timeline()).singleElement()
                .satisfies(entry -> assertThat(entry.by()).isEqualTo("Ada Quill"));
    }

    @Test
    void hidesARelationshipFromAnotherOrganisationsAdmin() {
        RelationshipId id = referRobin();
        RelationshipFixtures hillside = new RelationshipFixtures(accounts, people, "Hillside Community Nursing");
        Staff hal = hillside.anAdmin("Hal Ridge");

        assertThatThrownBy(() -> hillside.as(hal, () -> relationships.overview(id))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> hillside.as(hal, () -> relationships.changeStatus(id, 0, ENDED, "Closing")))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> hillside.as(hal, () -> relationships.tickTask(id, "exploration", 0, today())))
                .isInstanceOf(RecordNotFound.class);
        assertThat(hillside.as(hal, () -> relationships.caseload(true))).isEmpty();
        assertThat(riverside.as(ash, () -> relationships.overview(id)).status()).isEqualTo(REFERRED);
    }

    @Test
    void listsExactlyTheVisibleRelationshipsMostUrgentFirst() {
        Staff bo = riverside.aHelper("Bo Tern");
        RelationshipId routine = refer(ash, "Robin Fairweather", Urgency.ROUTINE, today().minusDays(10));
        RelationshipId urgent = refer(ash, "Kit Amberley", Urgency.URGENT, today().minusDays(1));
        RelationshipId soonOlder = refer(ash, "Noor Castell", Urgency.SOON, today().minusDays(9));
        RelationshipId soonNewer = refer(ash, "Lou Penhale", Urgency.SOON, today().minusDays(2));
        RelationshipId ended = refer(ash, "Jo Tresize", Urgency.URGENT, today().minusDays(30));
        int endedVersion = versionOf(ash, ended);
        riverside.run(ash, () -> relationships.changeStatus(ended, endedVersion, ENDED, "Did not attend"));
        RelationshipId bos = refer(bo, "Max Hollin", Urgency.URGENT, today());

        assertThat(riverside.as(ash, () -> relationships.caseload(false))).extracting(CaseloadEntry::id)
                .containsExactly(urgent, soonOlder, soonNewer, routine);
        assertThat(riverside.as(ash, () -> relationships.caseload(true))).extracting(CaseloadEntry::id)
                .containsExactly(urgent, soonOlder, soonNewer, routine, ended);
        assertThat(riverside.as(bo, () -> relationships.caseload(true))).extracting(CaseloadEntry::id)
                .containsExactly(bos);
        Staff ada = riverside.anAdmin("Ada Quill");
        assertThat(riverside.as(ada, () -> relationships.caseload(true))).extracting(CaseloadEntry::id)
                .containsExactlyInAnyOrder(routine, urgent, soonOlder, soonNewer, ended, bos);

        CaseloadEntry kit = riverside.as(ash, () -> relationships.caseload(false)).get(0);
        assertThat(kit.clientPartyName()).isEqualTo("Kit Amberley");
        assertThat(kit.clientPartyKind()).isEqualTo("Person");
        assertThat(kit.leadHelperName()).isEqualTo("Ash Marlow");
        assertThat(kit.status()).isEqualTo(REFERRED);
        assertThat(kit.modelName()).isEqualTo("Process Model of Helping");
        assertThat(kit.phaseName()).isEqualTo("Exploration");
        assertThat(kit.phaseNumber()).isEqualTo(1);
        assertThat(kit.phaseCount()).isEqualTo(4);
        assertThat(kit.referredOn()).isEqualTo(today().minusDays(1));
    }

    @Test
    void putsAnOverdueReviewFirst() {
        RelationshipId urgent = refer(ash, "Kit Amberley", Urgency.URGENT, today().minusDays(1));
        RelationshipId routine = refer(ash, "Robin Fairweather", Urgency.ROUTINE, today().minusDays(40));
        int loaded = versionOf(ash, routine);
        riverside.run(ash, () -> {
            int version = relationships.changeStatus(routine, loaded, ACTIVE, "Taken on");
            relationships.reviseAgreement(routine, version, termsReviewedOn(today()), null);
        });
        assertThat(riverside.as(ash, () -> relationships.caseload(false))).extracting(CaseloadEntry::id)
                .containsExactly(urgent, routine);

        // The review date passes. The application's clock is the system's, so the stored date moves back instead.
        riverside.inScope(() -> jdbc.sql("update agreement_revision set review_on = ? where relationship_id = ?")
                .params(today().minusDays(1), routine.value()).update());

        List<CaseloadEntry> caseload = riverside.as(ash, () -> relationships.caseload(false));
        assertThat(caseload).extracting(CaseloadEntry::id).containsExactly(routine, urgent);
        assertThat(caseload.get(0).reviewOverdue()).isTrue();
        assertThat(caseload.get(0).awaitingAcceptance()).isTrue();
        assertThat(caseload.get(0).nextReviewOn()).isEqualTo(today().minusDays(1));
        assertThat(caseload.get(1).reviewOverdue()).isFalse();
        assertThat(riverside.as(ash, () -> relationships.overview(routine)).reviewOverdue()).isTrue();
    }

    @Test
    void showsOnTheCaseloadTheReviewDateTheClientAcceptedUntilTheyAcceptANewerOne() {
        RelationshipId id = refer(ash, "Robin Fairweather", Urgency.ROUTINE, today().minusDays(10));
        int loaded = versionOf(ash, id);
        riverside.run(ash, () -> {
            int version = relationships.changeStatus(id, loaded, ACTIVE, "Taken on");
            relationships.reviseAgreement(id, version, termsReviewedOn(today().plusWeeks(6)), null);
            relationships.acceptAgreement(id, 1, today(), AcceptanceMethod.IN_SESSION);
            relationships.reviseAgreement(id, relationships.overview(id).version(),
                    termsReviewedOn(today().plusWeeks(8)), "Review later");
        });

        CaseloadEntry entry = riverside.as(ash, () -> relationships.caseload(false)).get(0);
        assertThat(entry.nextReviewOn()).isEqualTo(today().plusWeeks(6));
        assertThat(entry.awaitingAcceptance()).isTrue();
        assertThat(entry.lastContactOn()).isEqualTo(today());

        riverside.run(ash, () -> relationships.acceptAgreement(id, 2, today(), AcceptanceMethod.SIGNED));
        entry = riverside.as(ash, () -> relationships.caseload(false)).get(0);
        assertThat(entry.nextReviewOn()).isEqualTo(today().plusWeeks(8));
        assertThat(entry.awaitingAcceptance()).isFalse();
    }

    @Test
    void leavesEndedRelationshipsOffTheCaseloadUnlessAskedFor() {
        RelationshipId id = refer(ash, "Robin Fairweather", Urgency.ROUTINE, today().minusDays(10));
        int loaded = versionOf(ash, id);
        riverside.run(ash, () -> relationships.changeStatus(id, loaded, RelationshipStatus.ENDED, "Declined help"));

        assertThat(riverside.as(ash, () -> relationships.caseload(false))).isEmpty();
        assertThat(riverside.as(ash, () -> relationships.caseload(true))).extracting(CaseloadEntry::id)
                .containsExactly(id);
    }

    @Test
    void auditsTheReadAndEveryChange() {
        RelationshipId id = referRobin();

        riverside.run(ash, () -> {
            int version = relationships.overview(id).version();
            version = relationships.changeStatus(id, version, ACTIVE, "Taken on");
            version = relationships.moveToPhase(id, version, "insight", "Story told");
            relationships.reviseAgreement(id, version, termsReviewedOn(today().plusWeeks(6)), null);
            relationships.acceptAgreement(id, 1, today(), AcceptanceMethod.SIGNED);
            relationships.tickTask(id, "insight", 2, today());
        });

        List<AuditEntry> entries = relationshipAudit(id);
        assertThat(entries).extracting(AuditEntry::action, AuditEntry::detail).containsExactlyInAnyOrder(
                tuple(AuditAction.CHANGE, "took a referral (Process Model of Helping)"),
                tuple(AuditAction.READ, "opened the relationship page"),
                tuple(AuditAction.CHANGE, "status changed to active"),
                tuple(AuditAction.CHANGE, "moved to phase Insight"),
                tuple(AuditAction.CHANGE, "wrote working agreement revision 1"),
                tuple(AuditAction.CHANGE, "recorded the client's acceptance of agreement revision 1"),
                tuple(AuditAction.CHANGE, "ticked off a phase task"));
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.recordId()).isEqualTo(id.value());
            assertThat(entry.actor()).isEqualTo("Ash Marlow (" + ash.username() + ")");
        });
    }

    @Test
    void auditsASupervisorsReadButNotTheirRefusedChange() {
        RelationshipId id = referRobin();
        Staff sam = riverside.staff("Sam Okafor", Role.SUPERVISOR);
        riverside.supervises(sam, ash);

        int version = riverside.as(sam, () -> relationships.overview(id)).version();
        riverside.as(sam, () -> relationships.overview(id));
        assertThatThrownBy(() -> riverside.as(sam, () -> relationships.changeStatus(id, version, ACTIVE, "Taken on")))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(relationshipAudit(id)).filteredOn(e -> e.actor().startsWith("Sam Okafor"))
                .extracting(AuditEntry::action).containsOnly(AuditAction.READ).hasSize(2);
    }
}
