package org.rapport.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.alerts.AlertFixtures.aReferral;
import static org.rapport.alerts.AlertFixtures.termsReviewedOn;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.audit.AuditTrail;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.CaseloadEntry;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.relationships.Urgency;
import org.rapport.sessions.NewSession;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionOutcome;
import org.rapport.sessions.SessionRecord;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The daily sweep against PostgreSQL, with row-level security: lapsing and overdue agreement reviews
 * become alerts, one open per relationship and kind, raised again only for a new episode; each
 * organisation swept in its own scope. Time moves through the clock each sweep is given.
 */
@SpringBootTest
class AlertSweepIntegrationTests {

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired AlertManagement alerts;
    @Autowired AlertSweep dailySweep;
    @Autowired Alerts stored;
    @Autowired ObjectProvider<AlertConditions> conditions;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    AlertFixtures riverside;
    Staff ash;
    RelationshipId robin;

    @BeforeEach
    void openAnActiveRelationshipWithRobin() {
        riverside = new AlertFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        robin = referAndTakeOn(riverside, ash, "Robin Fairweather");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    RelationshipId referAndTakeOn(AlertFixtures organisation, Staff lead, String client) {
        return organisation.as(lead, () -> {
            RelationshipId id = relationships.refer(aReferral(client, lead, Urgency.ROUTINE, today().minusDays(60)));
            relationships.changeStatus(id, relationships.overview(id).version(), RelationshipStatus.ACTIVE, "Taken on");
            return id;
        });
    }

    /** A sweep on the day {@code days} from today. */
    int sweepOn(int days) {
        return sweepOn(riverside, days);
    }

    int sweepOn(AlertFixtures organisation, int days) {
        return sweeper(days).sweep(organisation.id());
    }

    AlertSweep sweeper(int days) {
        return new AlertSweep(conditions, accounts, alerts, stored, transactionManager,
                Clock.offset(clock, Duration.ofDays(days)));
    }

    void session(RelationshipId relationship, int daysAgo, SessionOutcome outcome) {
        riverside.run(ash, () -> sessions.recordUnscheduled(relationship, new NewSession(today().minusDays(daysAgo),
                LocalTime.of(10, 0), 50, MeetingMode.IN_PERSON, "Room 2"), new SessionRecord(outcome, Map.of(), Set.of())));
    }

    void agreementReviewedOn(LocalDate reviewOn) {
        riverside.run(ash, () -> relationships.reviseAgreement(robin, relationships.overview(robin).version(),
                termsReviewedOn(reviewOn), relationships.overview(robin).revisionsNewestFirst().isEmpty() ? null : "Reviewed; next review set."));
    }

    List<AlertView> alertsOf(AlertKind kind) {
        return riverside.as(ash, () -> alerts.alertsOf(robin)).stream().filter(a -> a.kind() == kind).toList();
    }

    void acknowledge(AlertView alert) {
        riverside.run(ash, () -> alerts.acknowledge(alert.id(), alert.version(), "Phoned Robin; next session booked."));
    }

    @Test
    void raisesAReviewOverdueAlertOnceWhileItIsOpen() {
        agreementReviewedOn(today().plusDays(7));

        assertThat(sweepOn(7)).isZero();
        assertThat(sweepOn(8)).isEqualTo(1);
        assertThat(sweepOn(9)).isZero();
        assertThat(sweepOn(30)).isZero();

        assertThat(alertsOf(AlertKind.REVIEW_OVERDUE)).singleElement().satisfies(alert -> {
            assertThat(alert.acknowledged()).isFalse();
            assertThat(alert.policy()).isEqualTo("Agreement review overdue");
            assertThat(alert.reason()).startsWith("The working agreement was due for review on ");
        });
    }

    @Test
    void raisesAReviewOverdueAlertAgainOnlyForANewReviewDate() {
        agreementReviewedOn(today().plusDays(7));
        sweepOn(8);
        acknowledge(alertsOf(AlertKind.REVIEW_OVERDUE).get(0));

        assertThat(sweepOn(9)).as("the same review date, already acknowledged").isZero();
        agreementReviewedOn(today().plusDays(20));
        assertThat(sweepOn(19)).isZero();
        assertThat(sweepOn(21)).isEqualTo(1);

        assertThat(alertsOf(AlertKind.REVIEW_OVERDUE)).extracting(AlertView::acknowledged).containsExactly(false, true);
    }

    @Test
    void raisesALapsingAlertAfterTwoSessionsNotAttendedAndAgainOnlyAfterANewSessionHeld() {
        session(robin, 30, SessionOutcome.ATTENDED);
        session(robin, 25, SessionOutcome.DID_NOT_ATTEND);
        session(robin, 20, SessionOutcome.DID_NOT_ATTEND);

        assertThat(sweepOn(0)).isEqualTo(1);
        assertThat(sweepOn(1)).isZero();
        AlertView first = alertsOf(AlertKind.LAPSING).get(0);
        assertThat(first.reason()).contains("two sessions in a row not attended").doesNotContain("Robin");
        acknowledge(first);
        assertThat(sweepOn(2)).as("still lapsing, but this episode was acknowledged").isZero();

        session(robin, 15, SessionOutcome.ATTENDED);
        assertThat(sweepOn(0)).as("a session held ends the episode").isZero();
        session(robin, 10, SessionOutcome.DID_NOT_ATTEND);
        session(robin, 5, SessionOutcome.DID_NOT_ATTEND);
        assertThat(sweepOn(0)).isEqualTo(1);

        assertThat(alertsOf(AlertKind.LAPSING)).extracting(AlertView::acknowledged).containsExactly(false, true);
    }

    @Test
    void raisesALapsingAlertAfterWeeksWithoutContactButNotForPausedWork() {
        session(robin, 3, SessionOutcome.ATTENDED);
        RelationshipId paused = referAndTakeOn(riverside, ash, "Sam Okafor");
        session(paused, 3, SessionOutcome.ATTENDED);
        riverside.run(ash, () -> relationships.changeStatus(paused, relationships.overview(paused).version(),
                RelationshipStatus.PAUSED, "Away for the summer"));

        assertThat(sweepOn(20)).isZero();
        assertThat(sweepOn(40)).isEqualTo(1);

        assertThat(alertsOf(AlertKind.LAPSING)).singleElement()
                .satisfies(alert -> assertThat(alert.reason()).contains("no contact for 6 weeks"));
        assertThat(riverside.as(ash, () -> alerts.alertsOf(paused))).isEmpty();
    }

    @Test
    void putsLapsingAndOverdueReviewAlertsAfterTheMeasuresAlertsOnTheCaseload() {
        RelationshipId slipping = referAndTakeOn(riverside, ash, "Ari Bell");
        riverside.inScope(() -> new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                .execute(status -> alerts.raise(slipping, riverside.as(ash, () -> relationships.describe(slipping)).clientPartyId(),
                        AlertKind.ALLIANCE_SLIPPING, "Alliance slipping", "The check-in fell.", null)));
        RelationshipId quiet = referAndTakeOn(riverside, ash, "Jo Calder");
        session(robin, 30, SessionOutcome.ATTENDED);
        session(robin, 25, SessionOutcome.DID_NOT_ATTEND);
        session(robin, 20, SessionOutcome.DID_NOT_ATTEND);
        sweepOn(0);

        List<CaseloadEntry> caseload = riverside.as(ash, () -> relationships.caseload(false));

        assertThat(caseload).extracting(CaseloadEntry::id).containsExactly(slipping, robin, quiet);
        assertThat(caseload.get(1).alerts()).containsExactly("Lapsing");
        assertThat(caseload.get(1).alertUrgency()).isEqualTo(3);
        assertThat(AlertKind.REVIEW_OVERDUE.urgency()).isGreaterThan(AlertKind.LAPSING.urgency());
    }

    @Test
    void sweepsEachOrganisationInItsOwnScope() {
        AlertFixtures hillside = new AlertFixtures(accounts, people, "Hillside Support");
        Staff hal = hillside.aHelper("Hal Penrose");
        RelationshipId kit = referAndTakeOn(hillside, hal, "Kit Amberley");
        hillside.run(hal, () -> relationships.reviseAgreement(kit, relationships.overview(kit).version(),
                termsReviewedOn(today().plusDays(1)), null));
        agreementReviewedOn(today().plusDays(1));

        assertThat(sweepOn(riverside, 2)).isEqualTo(1);
        assertThat(hillside.inScope(() -> jdbc.sql("select count(*) from alert").query(Long.class).single())).isZero();

        assertThat(sweeper(2).sweepAll()).isGreaterThanOrEqualTo(1);
        assertThat(hillside.as(hal, () -> alerts.alertsOf(kit))).singleElement()
                .extracting(AlertView::kind).isEqualTo(AlertKind.REVIEW_OVERDUE);
        assertThat(alertsOf(AlertKind.REVIEW_OVERDUE)).hasSize(1);
    }

    @Test
    void auditsEachAlertItRaisesAsTheSystem() {
        agreementReviewedOn(today().plusDays(1));
        sweepOn(2);

        var party = riverside.as(ash, () -> relationships.describe(robin)).clientPartyId();
        assertThat(riverside.inScope(() -> audit.forClient(party, 0)).entries())
                .anySatisfy(e -> {
                    assertThat(e.recordType()).isEqualTo("alert");
                    assertThat(e.detail()).isEqualTo("raised an alert: Agreement review overdue (Agreement review overdue)");
                    assertThat(e.actor()).isEqualTo("Rapport (system)");
                });
    }
}
