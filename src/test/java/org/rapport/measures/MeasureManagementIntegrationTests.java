package org.rapport.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.measures.MeasureFixtures.aReferral;
import static org.rapport.measures.MeasureFixtures.checkIn;
import static org.rapport.measures.MeasureFixtures.gad7;
import static org.rapport.measures.MeasureFixtures.phq9;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.alerts.AlertKind;
import org.rapport.alerts.AlertManagement;
import org.rapport.alerts.AlertView;
import org.rapport.audit.AuditEntry;
import org.rapport.audit.AuditTrail;
import org.rapport.measures.outcomes.ChangeClassification;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.sessions.SessionId;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.Tenancy;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Giving measures against PostgreSQL with row-level security: a link answered on the client's
 * phone with a pause in between, single use, expiry, another organisation's link, a risk item
 * raising its alert in the same transaction as the answers, scores and their change, and refusals
 * that store nothing.
 */
@SpringBootTest
class MeasureManagementIntegrationTests {

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired MeasureManagement measures;
    @Autowired AlertManagement alerts;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Clock clock;
    @Autowired org.rapport.sessions.SessionManagement sessions;

    MeasureFixtures riverside;
    Staff ash;
    RelationshipId robin;
    UUID robinParty;

    @BeforeEach
    void openARelationshipWithRobin() {
        riverside = new MeasureFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        robin = riverside.as(ash, () -> relationships.refer(aReferral("Robin Fairweather", ash, LocalDate.now(clock).minusWeeks(2))));
        robinParty = riverside.as(ash, () -> relationships.describe(robin).clientPartyId());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aClientAnswersFromTheirLinkPausesAndFinishesLater() {
        SentLink link = riverside.as(ash, () -> measures.send(robin, "phq-9"));
        assertThat(link.path()).startsWith("/m/");
        String token = token(link);
        assertThat(token).hasSize(43);

        ClientForm opened = measures.openByLink(token);
        assertThat(opened.firstName()).isEqualTo("Robin");
        assertThat(opened.instrument().key()).isEqualTo("phq-9");
        assertThat(opened.answers()).isEmpty();

        measures.saveByLink(token, Map.of("1", 2, "2", 1), false);
        assertThat(measures.openByLink(token).answers()).containsExactlyInAnyOrderEntriesOf(Map.of("1", 2, "2", 1));
        assertThat(status(link.administration())).isEqualTo("IN_PROGRESS");

        measures.saveByLink(token, phq9(2, 1, 2, 1, 1, 1, 1, 1, 0), true);
        assertThat(status(link.administration())).isEqualTo("COMPLETED");

        List<ScoreView> scores = riverside.as(ash, () -> measures.scoresOf(robin));
        assertThat(scores).singleElement().satisfies(view -> {
            assertThat(view.instrumentKey()).isEqualTo("phq-9");
            assertThat(view.scores()).singleElement().satisfies(s -> {
                assertThat(s.total()).isEqualTo(10);
                assertThat(s.band()).isEqualTo("Moderate");
                assertThat(s.meetsCutOff()).isTrue();
                assertThat(s.riskEndorsed()).isFalse();
                assertThat(s.enteredBy()).isEqualTo(EnteredBy.CLIENT);
            });
            assertThat(view.change()).isNull();
        });
        assertThat(riverside.as(ash, () -> alerts.alertsOf(robin))).isEmpty();
    }

    @Test
    void aLinkWorksOnceOnly() {
        String token = token(riverside.as(ash, () -> measures.send(robin, "gad-7")));
        measures.saveByLink(token, gad7(1, 1, 1, 1, 1, 1, 1), true);

        assertThatThrownBy(() -> measures.saveByLink(token, gad7(3, 3, 3, 3, 3, 3, 3), true))
                .isInstanceOf(LinkNotUsable.class).hasMessage(LinkNotUsable.MESSAGE);
        assertThatThrownBy(() -> measures.openByLink(token)).isInstanceOf(LinkNotUsable.class);
        assertThat(riverside.as(ash, () -> measures.scoresOf(robin)).get(0).scores())
                .singleElement().satisfies(s -> assertThat(s.total()).isEqualTo(7));
    }

    @Test
    void anExpiredLinkIsRefusedAndMarkedExpired() {
        SentLink link = riverside.as(ash, () -> measures.send(robin, "phq-9"));
        assertThat(link.expiresAt()).isBetween(clock.instant().plus(MeasureManagement.LINK_LIFETIME).minusSeconds(60),
                clock.instant().plus(MeasureManagement.LINK_LIFETIME));
        riverside.inScope(() -> jdbc.sql("update administration set expires_at = now() - interval '1 minute' where administration_id = ?")
                .param(link.administration().value()).update());

        assertThatThrownBy(() -> measures.openByLink(token(link))).isInstanceOf(LinkNotUsable.class).hasMessage(LinkNotUsable.MESSAGE);
        assertThatThrownBy(() -> measures.saveByLink(token(link), phq9(0, 0, 0, 0, 0, 0, 0, 0, 0), true))
                .isInstanceOf(LinkNotUsable.class);
        assertThat(status(link.administration())).isEqualTo("EXPIRED");
        assertThat(riverside.as(ash, () -> measures.scoresOf(robin))).isEmpty();
    }

    @Test
    void unknownAndMalformedTokensAreRefusedTheSameWay() {
        for (String token : new String[] {"", " ", "x".repeat(500), "not-a-token", "../../etc/passwd"}) {
            assertThatThrownBy(() -> measures.openByLink(token)).isInstanceOf(LinkNotUsable.class).hasMessage(LinkNotUsable.MESSAGE);
        }
    }

    @Test
    void anotherOrganisationsLinkDoesNothingInsideThisOne() {
        SentLink link = riverside.as(ash, () -> measures.send(robin, "phq-9"));
        MeasureFixtures hillside = new MeasureFixtures(accounts, people, "Hillside Counselling");
        Staff kit = hillside.aHelper("Kit Ormond");

        assertThatThrownBy(() -> hillside.as(kit, () -> measures.openByLink(token(link)))).isInstanceOf(LinkNotUsable.class);
        assertThatThrownBy(() -> hillside.run(kit, () -> measures.saveByLink(token(link), phq9(3, 3, 3, 3, 3, 3, 3, 3, 3), true)))
                .isInstanceOf(LinkNotUsable.class);
        // Nor can another organisation see the administration at all.
        assertThat(hillside.inScope(() -> jdbc.sql("select count(*) from administration").query(Long.class).single())).isZero();
        assertThat(status(link.administration())).isEqualTo("SENT");
    }

    @Test
    void aRiskItemRaisesItsAlertInTheSameTransactionAsTheAnswers() {
        SentLink link = riverside.as(ash, () -> measures.send(robin, "phq-9"));
        TransactionTemplate outer = new TransactionTemplate(transactions);

        // Inside one transaction that then fails: the alert is there beside the answers, and both go.
        riverside.inScope(() -> outer.execute(tx -> {
            measures.saveByLink(token(link), phq9(1, 1, 1, 1, 1, 1, 1, 1, 2), true);
            assertThat(jdbc.sql("select status from administration where administration_id = ?")
                    .param(link.administration().value()).query(String.class).single()).isEqualTo("COMPLETED");
            assertThat(jdbc.sql("select count(*) from alert where relationship_id = ? and kind = 'RISK'")
                    .param(robin.value()).query(Long.class).single()).isEqualTo(1);
            tx.setRollbackOnly();
            return null;
        }));
        assertThat(status(link.administration())).isEqualTo("SENT");
        assertThat(riverside.as(ash, () -> alerts.alertsOf(robin))).isEmpty();

        // Sent for real: both stand.
        measures.saveByLink(token(link), phq9(1, 1, 1, 1, 1, 1, 1, 1, 2), true);
        List<AlertView> raised = riverside.as(ash, () -> alerts.alertsOf(robin));
        assertThat(raised).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.RISK);
            assertThat(alert.policy()).isEqualTo("Risk item endorsed");
            assertThat(alert.reason()).contains("PHQ-9 item 9").doesNotContain("Thoughts").doesNotContain("10");
            assertThat(alert.source()).isEqualTo(link.administration().value());
        });
        assertThat(riverside.as(ash, () -> measures.scoresOf(robin)).get(0).scores().get(0).riskEndorsed()).isTrue();
    }

    @Test
    void aRiskAnswerSavedToFinishLaterRaisesTheAlertAsItIsStored() {
        SentLink link = riverside.as(ash, () -> measures.send(robin, "phq-9"));
        Map<String, Integer> halfway = new java.util.LinkedHashMap<>(phq9(1, 1, 0, 0));
        halfway.put("9", 1);

        measures.saveByLink(token(link), halfway, false);

        assertThat(status(link.administration())).isEqualTo("IN_PROGRESS");
        assertThat(riverside.as(ash, () -> alerts.alertsOf(robin))).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.RISK);
            assertThat(alert.policy()).isEqualTo("Risk item endorsed");
            assertThat(alert.source()).isEqualTo(link.administration().value());
        });
        // Sent later with the same answer: the open alert stands, not a second one.
        measures.saveByLink(token(link), phq9(1, 1, 0, 0, 0, 0, 0, 0, 1), true);
        assertThat(riverside.as(ash, () -> alerts.alertsOf(robin))).hasSize(1);
    }

    @Test
    void aSavedAnswerOfNotAtAllToTheRiskItemRaisesNothing() {
        SentLink link = riverside.as(ash, () -> measures.send(robin, "phq-9"));
        measures.saveByLink(token(link), phq9(3, 3, 3, 3, 3, 3, 3, 3, 0), false);
        assertThat(riverside.as(ash, () -> alerts.alertsOf(robin))).isEmpty();
    }

    @Test
    void aRiskItemLeftBlankIsNeverProratedAwayInSilence() {
        Map<String, Integer> withoutItemSix = new java.util.LinkedHashMap<>();
        for (int item = 1; item <= 10; item++) if (item != 6) withoutItemSix.put(String.valueOf(item), 2);

        riverside.run(ash, () -> measures.enterInSession(robin, "core-10", withoutItemSix, null));

        ScoredAdministration score = riverside.as(ash, () -> measures.scoresOf(robin)).get(0).scores().get(0);
        assertThat(score.riskItemUnanswered()).as("the score says so").isTrue();
        assertThat(score.riskEndorsed()).isFalse();
        assertThat(riverside.as(ash, () -> alerts.alertsOf(robin))).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.RISK);
            assertThat(alert.policy()).isEqualTo("Risk item not answered");
            assertThat(alert.reason()).contains("CORE-10 item 6").contains("left unanswered");
        });
    }

    @Test
    void aRiskItemLeftBlankOnTheClientsLinkIsToldToo() {
        SentLink link = riverside.as(ash, () -> measures.send(robin, "core-10"));
        Map<String, Integer> withoutItemSix = new java.util.LinkedHashMap<>();
        for (int item = 1; item <= 10; item++) if (item != 6) withoutItemSix.put(String.valueOf(item), 1);

        measures.saveByLink(token(link), withoutItemSix, false);
        assertThat(riverside.as(ash, () -> alerts.alertsOf(robin))).as("not yet: the client may still answer it").isEmpty();
        measures.saveByLink(token(link), withoutItemSix, true);
        assertThat(riverside.as(ash, () -> alerts.alertsOf(robin))).extracting(AlertView::policy)
                .containsExactly("Risk item not answered");
    }

    @Test
    void answersEnteredForASessionCarryTheSessionsTimeNotTheTimeTheyWereTypedIn() {
        LocalDate held = LocalDate.now(clock).minusDays(9);
        riverside.run(ash, () -> relationships.changeStatus(robin, 0, org.rapport.relationships.RelationshipStatus.ACTIVE,
                "Taken on"));
        SessionId session = riverside.as(ash, () -> sessions.recordUnscheduled(robin, new org.rapport.sessions.NewSession(
                held, java.time.LocalTime.of(14, 30), 50, org.rapport.relationships.MeetingMode.IN_PERSON, null),
                new org.rapport.sessions.SessionRecord(org.rapport.sessions.SessionOutcome.ATTENDED, Map.of(), java.util.Set.of())));

        riverside.run(ash, () -> measures.enterInSession(robin, "phq-9", phq9(1, 1, 1, 1, 1, 1, 1, 1, 0), session));
        riverside.run(ash, () -> measures.enterInSession(robin, "phq-9", phq9(0, 0, 0, 0, 0, 0, 0, 0, 0), null));

        List<ScoredAdministration> scores = riverside.as(ash, () -> measures.scoresOf(robin)).get(0).scores();
        assertThat(scores.get(0).completedAt()).as("the session's own time, in the organisation's zone")
                .isEqualTo(held.atTime(14, 30).atZone(java.time.ZoneId.of("Europe/London")).toInstant());
        assertThat(scores.get(0).totalText()).isEqualTo("8");
        assertThat(scores.get(1).completedAt()).as("answers for no session carry when they were entered")
                .isAfter(scores.get(0).completedAt());
    }

    @Test
    void aRiskItemEnteredInTheSessionRaisesTheAlertToo() {
        riverside.run(ash, () -> measures.enterInSession(robin, "phq-9", phq9(0, 0, 0, 0, 0, 0, 0, 0, 1), null));
        assertThat(riverside.as(ash, () -> alerts.alertsOf(robin))).extracting(AlertView::kind).containsExactly(AlertKind.RISK);
    }

    @Test
    void scoresShowReliableChangeFromTheFirstToTheLatest() {
        riverside.run(ash, () -> measures.enterInSession(robin, "phq-9", phq9(2, 2, 2, 2, 2, 2, 2, 2, 0), null)); // 16
        riverside.run(ash, () -> measures.enterInSession(robin, "phq-9", phq9(2, 2, 1, 1, 1, 1, 1, 1, 0), null)); // 10
        List<ScoreView> scores = riverside.as(ash, () -> measures.scoresOf(robin));
        assertThat(scores).singleElement().satisfies(view -> {
            assertThat(view.scores()).extracting(ScoredAdministration::total).containsExactly(16.0, 10.0);
            assertThat(view.scores()).extracting(ScoredAdministration::band).containsExactly("Moderately severe", "Moderate");
            assertThat(view.change()).isEqualTo(ChangeClassification.RELIABLE_IMPROVEMENT);
        });
        assertThat(riverside.as(ash, () -> alerts.alertsOf(robin))).isEmpty();
    }

    @Test
    void aReliableDeteriorationRaisesNotOnTrack() {
        riverside.run(ash, () -> measures.enterInSession(robin, "gad-7", gad7(1, 1, 1, 1, 1, 1, 1), null)); // 7
        riverside.run(ash, () -> measures.enterInSession(robin, "gad-7", gad7(2, 2, 2, 2, 2, 1, 0), null)); // 11
        assertThat(riverside.as(ash, () -> measures.scoresOf(robin)).get(0).change())
                .isEqualTo(ChangeClassification.RELIABLE_DETERIORATION);
        assertThat(riverside.as(ash, () -> alerts.alertsOf(robin))).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.NOT_ON_TRACK);
            assertThat(alert.reason()).contains("GAD-7").doesNotContain("11");
        });
    }

    @Test
    void aCheckInBelowItsCutOffOrLowerThanTheLastRaisesAllianceSlipping() {
        riverside.run(ash, () -> measures.enterInSession(robin, "rapport-check-in", checkIn(10, 10, 10, 9, 9), null)); // 48
        assertThat(riverside.as(ash, () -> alerts.alertsOf(robin))).isEmpty();
        riverside.run(ash, () -> measures.enterInSession(robin, "rapport-check-in", checkIn(10, 10, 9, 9, 9), null)); // 47, lower
        assertThat(riverside.as(ash, () -> alerts.alertsOf(robin))).extracting(AlertView::kind)
                .containsExactly(AlertKind.ALLIANCE_SLIPPING);
        assertThat(riverside.as(ash, () -> measures.scoresOf(robin)).get(0).change()).isNull();
    }

    @Test
    void answersTheInstrumentDoesNotAllowStoreNothing() {
        String token = token(riverside.as(ash, () -> measures.send(robin, "phq-9")));
        assertThatThrownBy(() -> measures.saveByLink(token, Map.of("1", 4), false)).isInstanceOf(InvalidAnswers.class)
                .hasMessageContaining("Question 1");
        assertThatThrownBy(() -> measures.saveByLink(token, Map.of("10", 1), false)).isInstanceOf(InvalidAnswers.class);
        assertThatThrownBy(() -> measures.saveByLink(token, phq9(1, 1, 1), true)).isInstanceOf(InvalidAnswers.class);
        assertThat(measures.openByLink(token).answers()).isEmpty();

        riverside.run(ash, () -> {
            assertThatThrownBy(() -> measures.enterInSession(robin, "phq-9", phq9(1, 1, 1, 1, 1, 1, 1, 1, -1), null))
                    .isInstanceOf(InvalidAnswers.class);
            assertThatThrownBy(() -> measures.enterInSession(robin, "phq-9", phq9(1, 1, 1, 1, 1, 1, 1, 1), null))
                    .isInstanceOf(InvalidAnswers.class);
            assertThatThrownBy(() -> measures.enterInSession(robin, "ors", Map.of(), null)).isInstanceOf(RuleBroken.class)
                    .hasMessageContaining("no measure");
            assertThatThrownBy(() -> measures.enterInSession(robin, "phq-9", phq9(1, 1, 1, 1, 1, 1, 1, 1, 1),
                    new SessionId(UUID.randomUUID()))).isInstanceOf(RecordNotFound.class);
            assertThatThrownBy(() -> measures.send(robin, "")).isInstanceOf(RuleBroken.class);
            assertThatThrownBy(() -> measures.send(new RelationshipId(UUID.randomUUID()), "phq-9"))
                    .isInstanceOf(RecordNotFound.class);
        });
        assertThat(riverside.as(ash, () -> measures.scoresOf(robin))).isEmpty();
        assertThat(riverside.inScope(() -> jdbc.sql("select count(*) from administration where status = 'COMPLETED'")
                .query(Long.class).single())).isZero();
    }

    @Test
    void onlyStaffWhoMayChangeTheRelationshipSendOrEnter() {
        Staff dana = riverside.staff("Dana Wren", Role.SUPERVISOR);
        riverside.supervises(dana, ash);
        Staff lee = riverside.aHelper("Lee Carrow");
        assertThatThrownBy(() -> riverside.as(dana, () -> measures.send(robin, "phq-9"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> riverside.as(lee, () -> measures.send(robin, "phq-9"))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> riverside.as(lee, () -> measures.scoresOf(robin))).isInstanceOf(RecordNotFound.class);
        assertThat(riverside.as(dana, () -> measures.scoresOf(robin))).isEmpty();
    }

    @Test
    void aPlanNamesEachMeasureOnceWithItsTiming() {
        riverside.run(ash, () -> measures.setPlan(robin, List.of(new PlanEntry("phq-9", PlanTiming.EVERY_SESSION, null),
                new PlanEntry("rapport-check-in", PlanTiming.EVERY_N_SESSIONS, 3))));
        assertThat(riverside.as(ash, () -> measures.planOf(robin))).containsExactly(
                new PlanEntry("phq-9", PlanTiming.EVERY_SESSION, null), new PlanEntry("rapport-check-in", PlanTiming.EVERY_N_SESSIONS, 3));
        riverside.run(ash, () -> {
            assertThatThrownBy(() -> measures.setPlan(robin, List.of(new PlanEntry("phq-9", PlanTiming.EVERY_SESSION, null),
                    new PlanEntry("phq-9", PlanTiming.AT_ENDING, null)))).isInstanceOf(RuleBroken.class).hasMessageContaining("twice");
            assertThatThrownBy(() -> measures.setPlan(robin, List.of(new PlanEntry("gad-7", PlanTiming.EVERY_N_SESSIONS, 1))))
                    .isInstanceOf(RuleBroken.class);
            assertThatThrownBy(() -> measures.setPlan(robin, List.of(new PlanEntry("gad-7", PlanTiming.AT_ENDING, 4))))
                    .isInstanceOf(RuleBroken.class);
        });
        assertThat(riverside.as(ash, () -> measures.planOf(robin))).hasSize(2);
    }

    @Test
    void everyReadAndChangeIsAuditedWithoutAnswersOrScores() {
        String token = token(riverside.as(ash, () -> measures.send(robin, "phq-9")));
        measures.openByLink(token);
        measures.saveByLink(token, phq9(3, 3, 3, 2, 2, 2, 1, 1, 0), true);
        riverside.as(ash, () -> measures.scoresOf(robin));
        List<AuditEntry> entries = riverside.inScope(() -> audit.forClient(robinParty, 0).entries());
        List<String> details = entries.stream().filter(e -> e.recordType().equals(MeasureManagement.RECORD))
                .map(AuditEntry::detail).toList();
        assertThat(details).contains("sent a link to answer Patient Health Questionnaire (PHQ-9)",
                "the client opened their link", "read the measures' scores");
        assertThat(details).anyMatch(d -> d.startsWith("the client sent their answers"));
        assertThat(details).noneMatch(d -> d.matches(".*\\d{2}.*") || d.contains("Moderate") || d.contains("Severe"));
    }

    private String status(AdministrationId id) {
        return riverside.inScope(() -> new TransactionTemplate(transactions).execute(tx ->
                jdbc.sql("select status from administration where administration_id = ?").param(id.value())
                        .query(String.class).single()));
    }

    private static String token(SentLink link) {
        return link.path().substring("/m/".length());
    }
}
