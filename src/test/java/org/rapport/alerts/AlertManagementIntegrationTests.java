package org.rapport.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.rapport.alerts.AlertFixtures.RISK_POLICY;
import static org.rapport.alerts.AlertFixtures.RISK_REASON;
import static org.rapport.alerts.AlertFixtures.aReferral;
import static org.rapport.alerts.AlertFixtures.anAdministration;
import static org.rapport.alerts.AlertFixtures.termsReviewedOn;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.NewAccount;
import org.rapport.accounts.Role;
import org.rapport.audit.AuditAction;
import org.rapport.audit.AuditEntry;
import org.rapport.audit.AuditTrail;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.CaseloadEntry;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.relationships.TimelineEntry;
import org.rapport.relationships.Urgency;
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
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts against PostgreSQL, with row-level security: raised in the caller's transaction, never
 * twice while open, acknowledged by the helper or their supervisor with what was done, refused to
 * anyone else, audited, and first on the caseload. Each test opens its own organisations.
 */
@SpringBootTest
class AlertManagementIntegrationTests {

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired AlertManagement alerts;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;

    AlertFixtures riverside;
    Staff ash;
    RelationshipId robin;
    UUID robinsParty;

    @BeforeEach
    void openARelationshipWithRobin() {
        riverside = new AlertFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        robin = refer(ash, "Robin Fairweather", Urgency.ROUTINE, today().minusDays(7));
        robinsParty = riverside.as(ash, () -> relationships.describe(robin).clientPartyId());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    RelationshipId refer(Staff lead, String client, Urgency urgency, LocalDate referredOn) {
        return riverside.as(lead, () -> relationships.refer(aReferral(client, lead, urgency, referredOn)));
    }

    /** Raises an alert as another module would: inside a transaction of its own, nobody signed in (a client's link). */
    AlertId raise(RelationshipId relationship, UUID party, AlertKind kind, @Nullable UUID source) {
        return riverside.inScope(() -> transactions.execute(status ->
                alerts.raise(relationship, party, kind, RISK_POLICY, RISK_REASON, source)));
    }

    AlertId raiseRisk() {
        return raise(robin, robinsParty, AlertKind.RISK, anAdministration());
    }

    long alertsStored() {
        return riverside.inScope(() -> jdbc.sql("select count(*) from alert").query(Long.class).single());
    }

    AlertView only(Staff who) {
        List<AlertView> all = riverside.as(who, () -> alerts.alertsOf(robin));
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    List<AuditEntry> alertAudit() {
        return riverside.inScope(() -> audit.forClient(robinsParty, 0)).entries().stream()
                .filter(e -> e.recordType().equals("alert")).toList();
    }

    @Test
    void raisesAnAlertThatCommitsWithTheCallersTransaction() {
        UUID administration = anAdministration();
        AlertId id = raise(robin, robinsParty, AlertKind.RISK, administration);

        AlertView alert = only(ash);
        assertThat(alert.id()).isEqualTo(id);
        assertThat(alert.relationship()).isEqualTo(robin);
        assertThat(alert.kind()).isEqualTo(AlertKind.RISK);
        assertThat(alert.policy()).isEqualTo(RISK_POLICY);
        assertThat(alert.reason()).isEqualTo(RISK_REASON);
        assertThat(alert.source()).isEqualTo(administration);
        assertThat(alert.acknowledged()).isFalse();
        assertThat(alert.acknowledgedByName()).isNull();
        assertThat(alert.version()).isZero();
    }

    @Test
    void rollsBackWithTheCallersTransaction() {
        assertThatThrownBy(() -> riverside.inScope(() -> transactions.execute(status -> {
            alerts.raise(robin, robinsParty, AlertKind.RISK, RISK_POLICY, RISK_REASON, anAdministration());
            throw new IllegalStateException("the answers could not be stored");
        }))).isInstanceOf(IllegalStateException.class);

        assertThat(alertsStored()).isZero();
        assertThat(alertAudit()).isEmpty();
    }

    @Test
    void refusesToRaiseOutsideATransaction() {
        assertThatThrownBy(() -> riverside.inScope(() ->
                alerts.raise(robin, robinsParty, AlertKind.RISK, RISK_POLICY, RISK_REASON, null)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(alertsStored()).isZero();
    }

    @Test
    void doesNotRaiseTheSameOpenAlertTwice() {
        UUID administration = anAdministration();
        AlertId first = raise(robin, robinsParty, AlertKind.RISK, administration);

        assertThat(raise(robin, robinsParty, AlertKind.RISK, administration)).isEqualTo(first);
        assertThat(alertsStored()).isEqualTo(1);
        assertThat(raise(robin, robinsParty, AlertKind.NOT_ON_TRACK, null)).isNotEqualTo(first);
        assertThat(raise(robin, robinsParty, AlertKind.NOT_ON_TRACK, null)).isNotEqualTo(first);
        assertThat(alertsStored()).isEqualTo(2);
        assertThat(raise(robin, robinsParty, AlertKind.RISK, anAdministration())).isNotEqualTo(first);
        assertThat(alertsStored()).isEqualTo(3);

        // Once acknowledged, the same thing happening again is a new alert.
        riverside.run(ash, () -> alerts.acknowledge(first, 0, "Phoned Robin the same day; safety plan agreed."));
        assertThat(raise(robin, robinsParty, AlertKind.RISK, administration)).isNotEqualTo(first);
        assertThat(alertsStored()).isEqualTo(4);
    }

    @Test
    void refusesToRaiseForARelationshipTheOrganisationDoesNotHave() {
        AlertFixtures hillside = new AlertFixtures(accounts, people, "Hillside Support");
        Staff hal = hillside.aHelper("Hal Penrose");
        RelationshipId theirs = hillside.as(hal, () -> relationships.refer(aReferral("Kit Amberley", hal, Urgency.ROUTINE, today())));
        UUID theirParty = hillside.as(hal, () -> relationships.describe(theirs).clientPartyId());

        assertThatThrownBy(() -> raise(theirs, theirParty, AlertKind.RISK, null)).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> raise(new RelationshipId(UUID.randomUUID()), robinsParty, AlertKind.RISK, null))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> raise(robin, theirParty, AlertKind.RISK, null)).isInstanceOf(RecordNotFound.class);
        assertThat(alertsStored()).isZero();
        assertThat(hillside.inScope(() -> jdbc.sql("select count(*) from alert").query(Long.class).single())).isZero();
    }

    @Test
    void theHelperAcknowledgesWithWhatTheyDid() {
        AlertId id = raiseRisk();

        int version = riverside.as(ash, () -> alerts.acknowledge(id, 0, "  Phoned Robin the same day; safety plan agreed.  "));

        AlertView alert = only(ash);
        assertThat(version).isEqualTo(1);
        assertThat(alert.acknowledged()).isTrue();
        assertThat(alert.acknowledgedByName()).isEqualTo("Ash Marlow");
        assertThat(alert.acknowledgedAt()).isNotNull();
        assertThat(alert.whatWasDone()).isEqualTo("Phoned Robin the same day; safety plan agreed.");
        assertThat(alert.version()).isEqualTo(1);
        assertThat(riverside.as(ash, () -> alerts.openAlertsForMe())).isEmpty();
    }

    @Test
    void theHelpersSupervisorMayAcknowledge() {
        Staff sam = riverside.staff("Sam Whitlock", Role.SUPERVISOR);
        riverside.supervises(sam, ash);
        AlertId id = raiseRisk();

        assertThat(riverside.as(sam, () -> alerts.openAlertsForMe())).extracting(AlertView::id).containsExactly(id);
        riverside.run(sam, () -> alerts.acknowledge(id, 0, "Spoke with Ash; risk assessment booked for today."));

        assertThat(only(ash).acknowledgedByName()).isEqualTo("Sam Whitlock");
    }

    @Test
    void anAdminMayAcknowledge() {
        Staff ada = riverside.anAdmin("Ada Quill");
        AlertId id = raiseRisk();

        riverside.run(ada, () -> alerts.acknowledge(id, 0, "Checked with the duty worker."));

        assertThat(only(ash).acknowledged()).isTrue();
    }

    @Test
    void aHelperOfAnotherRelationshipCannotSeeOrAcknowledge() {
        Staff bo = riverside.aHelper("Bo Lindqvist");
        refer(bo, "Kit Amberley", Urgency.ROUTINE, today());
        Staff otherSupervisor = riverside.staff("Cy Harrow", Role.SUPERVISOR);
        AlertId id = raiseRisk();

        assertThatThrownBy(() -> riverside.as(bo, () -> alerts.acknowledge(id, 0, "Looked into it.")))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> riverside.as(otherSupervisor, () -> alerts.acknowledge(id, 0, "Looked into it.")))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> riverside.as(bo, () -> alerts.alertsOf(robin))).isInstanceOf(RecordNotFound.class);
        assertThat(riverside.as(bo, () -> alerts.openAlertsForMe())).isEmpty();
        assertThat(only(ash).acknowledged()).isFalse();
    }

    @Test
    void anotherOrganisationFindsNoSuchAlert() {
        AlertFixtures hillside = new AlertFixtures(accounts, people, "Hillside Support");
        Staff hal = hillside.anAdmin("Hal Penrose");
        AlertId id = raiseRisk();

        assertThatThrownBy(() -> hillside.as(hal, () -> alerts.acknowledge(id, 0, "Looked into it.")))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> hillside.as(hal, () -> alerts.alertsOf(robin))).isInstanceOf(RecordNotFound.class);
        assertThat(hillside.as(hal, () -> alerts.openAlertsForMe())).isEmpty();
        assertThat(only(ash).acknowledged()).isFalse();
    }

    @Test
    void aClientAccountCannotAcknowledge() {
        String username = "quinn.client-" + UUID.randomUUID().toString().substring(0, 8);
        riverside.inScope(() -> accounts.openAccount(new NewAccount(username, AlertFixtures.PASSWORD, "Quinn Client",
                Set.of(Role.CLIENT), null)));
        Staff client = new Staff(null, username, "Quinn Client");
        AlertId id = raiseRisk();

        assertThatThrownBy(() -> riverside.as(client, () -> alerts.acknowledge(id, 0, "Looked into it.")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(only(ash).acknowledged()).isFalse();
    }

    @Test
    void refusesAnAcknowledgementWithoutWhatWasDoneOrTooLong() {
        AlertId id = raiseRisk();

        for (String bad : new String[] {null, "", "   ", "ok", "x".repeat(2001)}) {
            assertThatThrownBy(() -> riverside.as(ash, () -> alerts.acknowledge(id, 0, bad)))
                    .isInstanceOf(RuleBroken.class).hasMessageContaining("what you did");
        }
        riverside.run(ash, () -> alerts.acknowledge(id, 0, "x".repeat(2000)));
        assertThat(only(ash).whatWasDone()).hasSize(2000);
    }

    @Test
    void refusesAStaleVersionAndASecondAcknowledgement() {
        AlertId id = raiseRisk();

        assertThatThrownBy(() -> riverside.as(ash, () -> alerts.acknowledge(id, 3, "Phoned Robin.")))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(only(ash).acknowledged()).isFalse();

        riverside.run(ash, () -> alerts.acknowledge(id, 0, "Phoned Robin."));
        assertThatThrownBy(() -> riverside.as(ash, () -> alerts.acknowledge(id, 1, "Phoned Robin again.")))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("already acknowledged by Ash Marlow");
        assertThatThrownBy(() -> riverside.as(ash, () -> alerts.acknowledge(id, 0, "Phoned Robin again.")))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("already acknowledged");
        assertThat(only(ash).whatWasDone()).isEqualTo("Phoned Robin.");
    }

    @Test
    void refusesAnUnknownAlert() {
        assertThatThrownBy(() -> riverside.as(ash, () -> alerts.acknowledge(new AlertId(UUID.randomUUID()), 0, "Phoned Robin.")))
                .isInstanceOf(RecordNotFound.class);
    }

    @Test
    void auditsRaisingReadingAndAcknowledgingWithoutWhatWasDone() {
        AlertId id = raiseRisk();
        riverside.run(ash, () -> alerts.acknowledge(id, 0, "Phoned Robin the same day; safety plan agreed."));
        riverside.as(ash, () -> alerts.alertsOf(robin));

        assertThat(alertAudit()).extracting(AuditEntry::action, AuditEntry::recordId, AuditEntry::detail)
                .containsExactlyInAnyOrder(
                        tuple(AuditAction.CHANGE, id.value(), "raised an alert: Risk item endorsed (" + RISK_POLICY + ")"),
                        tuple(AuditAction.CHANGE, id.value(), "acknowledged an alert: Risk item endorsed"));
        List<AuditEntry> reads = riverside.inScope(() -> audit.forClient(robinsParty, 0)).entries().stream()
                .filter(e -> e.detail().equals("read the relationship's alerts")).toList();
        assertThat(reads).isNotEmpty().allSatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.READ);
            assertThat(e.actor()).contains("Ash Marlow");
        });
        assertThat(riverside.inScope(() -> audit.forClient(robinsParty, 0)).entries())
                .noneMatch(e -> e.detail().contains("safety plan"));
    }

    @Test
    void listsOpenAlertsFirstThenNewest() {
        AlertId risk = raiseRisk();
        AlertId slipping = raise(robin, robinsParty, AlertKind.ALLIANCE_SLIPPING, anAdministration());
        AlertId notOnTrack = raise(robin, robinsParty, AlertKind.NOT_ON_TRACK, anAdministration());
        riverside.run(ash, () -> alerts.acknowledge(risk, 0, "Phoned Robin."));

        assertThat(riverside.as(ash, () -> alerts.alertsOf(robin))).extracting(AlertView::id)
                .containsExactly(notOnTrack, slipping, risk);
    }

    @Test
    void showsRaisingAndAcknowledgingOnTheTimeline() {
        AlertId id = raiseRisk();
        riverside.run(ash, () -> alerts.acknowledge(id, 0, "Phoned Robin the same day; safety plan agreed."));

        List<TimelineEntry> timeline = riverside.as(ash, () -> relationships.overview(robin)).timeline();
        assertThat(timeline).extracting(TimelineEntry::title).contains("Alert raised: Risk item endorsed", "Alert acknowledged");
        assertThat(timeline).noneMatch(e -> e.detail().contains("safety plan") || e.title().contains("safety plan"));
    }

    @Test
    void ordersTheCaseloadByNeed() {
        RelationshipId rest = refer(ash, "Jo Calder", Urgency.ROUTINE, today().minusDays(1));
        RelationshipId lapsing = refer(ash, "Sam Okafor", Urgency.ROUTINE, today().minusWeeks(10));
        RelationshipId overdue = refer(ash, "Lee Marsh", Urgency.ROUTINE, today().minusDays(40));
        RelationshipId slipping = refer(ash, "Ari Bell", Urgency.ROUTINE, today().minusDays(3));
        RelationshipId notOnTrack = refer(ash, "Mo Tamsin", Urgency.ROUTINE, today().minusDays(4));
        // Robin's risk alert outranks an alert of every other kind on one relationship.
        raise(robin, robinsParty, AlertKind.ALLIANCE_SLIPPING, null);
        raiseRisk();
        raise(slipping, party(slipping), AlertKind.ALLIANCE_SLIPPING, null);
        raise(notOnTrack, party(notOnTrack), AlertKind.NOT_ON_TRACK, null);
        raise(notOnTrack, party(notOnTrack), AlertKind.ALLIANCE_SLIPPING, null);
        riverside.run(ash, () -> {
            for (RelationshipId taken : List.of(lapsing, overdue)) {
                relationships.changeStatus(taken, relationships.overview(taken).version(), RelationshipStatus.ACTIVE, "Taken on");
            }
            relationships.reviseAgreement(overdue, relationships.overview(overdue).version(), termsReviewedOn(today()), null);
            sessions.recordUnscheduled(lapsing, new NewSession(today().minusWeeks(6), LocalTime.of(10, 30), 50,
                    MeetingMode.IN_PERSON, "Room 2"), new SessionRecord(SessionOutcome.ATTENDED, Map.of(), Set.of()));
        });
        riverside.inScope(() -> jdbc.sql("update agreement_revision set review_on = ? where relationship_id = ?")
                .params(today().minusDays(1), overdue.value()).update());

        List<CaseloadEntry> caseload = riverside.as(ash, () -> relationships.caseload(false));

        assertThat(caseload).extracting(CaseloadEntry::id)
                .containsExactly(robin, notOnTrack, slipping, overdue, lapsing, rest);
        assertThat(caseload.get(0).alerts()).containsExactly("Risk item endorsed", "Alliance slipping");
        assertThat(caseload.get(0).alertUrgency()).isZero();
        assertThat(caseload.get(1).alerts()).containsExactly("Not on track", "Alliance slipping");
        assertThat(caseload.get(1).alertUrgency()).isEqualTo(1);
        assertThat(caseload.get(2).alertUrgency()).isEqualTo(2);
        assertThat(caseload.get(3).alerts()).isEmpty();
        assertThat(caseload.get(3).alertUrgency()).isNull();
        assertThat(caseload.get(3).reviewOverdue()).isTrue();
        assertThat(caseload.get(4).lapsing()).isTrue();
        assertThat(caseload.get(5).lapsing()).isFalse();
        assertThat(caseload.get(5).reviewOverdue()).isFalse();
    }

    UUID party(RelationshipId relationship) {
        return riverside.as(ash, () -> relationships.describe(relationship).clientPartyId());
    }
}
