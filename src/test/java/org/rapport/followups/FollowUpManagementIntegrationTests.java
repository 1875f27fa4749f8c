package org.rapport.followups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.followups.FollowUpFixtures.aReferral;
import static org.rapport.followups.FollowUpFixtures.phq9All;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.alerts.AlertKind;
import org.rapport.alerts.AlertManagement;
import org.rapport.alerts.AlertView;
import org.rapport.measures.InvalidAnswers;
import org.rapport.measures.MeasureManagement;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipInfo;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipOverview;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.SecretTokens;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.testing.TravellingClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The open door, told as it happens: a relationship closes with follow-ups one, three and six
 * months on; nothing is due until the clock reaches the first; then the former helper creates the
 * link, the client answers once, and a "yes" or a reconnect link brings them back to the same
 * helper in a new relationship that continues the first. Links that are reused, expired, forged or
 * from another organisation do nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TravellingClock.Configuration.class)
class FollowUpManagementIntegrationTests {

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired MeasureManagement measures;
    @Autowired AlertManagement alerts;
    @Autowired FollowUpManagement followUps;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;
    @Autowired TravellingClock clock;

    FollowUpFixtures riverside;
    Staff ash;
    Staff bo;
    RelationshipId robin;
    LocalDate today;

    @BeforeEach
    void openARelationshipWithRobin() {
        clock.reset();
        today = LocalDate.now(clock);
        riverside = fixtures("Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        bo = riverside.aHelper("Bo Tern");
        robin = riverside.as(ash, () -> relationships.refer(aReferral("Robin Quill", ash, today.minusMonths(3))));
    }

    @AfterEach
    void backToTheRealTime() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    FollowUpFixtures fixtures(String name) {
        return new FollowUpFixtures(accounts, people, relationships, events, transactions, name);
    }

    List<LocalDate> oneThreeSixMonths() {
        return List.of(today.plusMonths(1), today.plusMonths(3), today.plusMonths(6));
    }

    void close() {
        riverside.closeWithFollowUps(ash, robin, today, oneThreeSixMonths(), "phq-9");
    }

    List<FollowUpView> followUpsOfRobin() {
        return riverside.as(ash, () -> followUps.followUpsOf(robin));
    }

    FollowUpId first() {
        return followUpsOfRobin().get(0).id();
    }

    String linkToken(FollowUpId followUp) {
        String path = riverside.as(ash, () -> followUps.createLink(followUp)).path();
        assertThat(path).startsWith("/f/");
        return path.substring("/f/".length());
    }

    long administrations() {
        return riverside.inScope(() -> jdbc.sql("select count(*) from administration").query(Long.class).single());
    }

    long relationshipsOfRiverside() {
        return riverside.inScope(() -> jdbc.sql("select count(*) from relationship").query(Long.class).single());
    }

    FollowUpId dueFirstFollowUp() {
        close();
        clock.travelTo(today.plusMonths(1));
        followUps.releaseDue();
        return first();
    }

    // --- scheduling --------------------------------------------------------------------------------

    @Test
    void schedulesTheFollowUpsWhenTheRelationshipCloses() {
        close();

        assertThat(followUpsOfRobin()).extracting(FollowUpView::dueOn).containsExactlyElementsOf(oneThreeSixMonths());
        assertThat(followUpsOfRobin()).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(FollowUpStatus.SCHEDULED);
            assertThat(f.instrumentKey()).isEqualTo("phq-9");
        });
    }

    @Test
    void aScheduleThatIsRefusedUndoesTheClosing() {
        assertThatThrownBy(() -> riverside.closeWithFollowUps(ash, robin, today, List.of(today.minusDays(1)), "phq-9"))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("after the ending");
        assertThatThrownBy(() -> riverside.closeWithFollowUps(ash, robin, today,
                List.of(today.plusMonths(1), today.plusMonths(1)), "phq-9"))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("Two follow-ups");
        assertThatThrownBy(() -> riverside.closeWithFollowUps(ash, robin, today, List.of(today.plusMonths(1)), "no-such-measure"))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("no measure");

        assertThat(riverside.as(ash, () -> relationships.describe(robin)).status()).isEqualTo(RelationshipStatus.REFERRED);
        assertThat(followUpsOfRobin()).isEmpty();
    }

    // --- falling due -------------------------------------------------------------------------------

    @Test
    void nothingFallsDueBeforeItsDate() {
        close();
        clock.travelTo(today.plusMonths(1).minusDays(1));

        followUps.releaseDue();

        assertThat(riverside.as(ash, () -> followUps.dueForMe())).isEmpty();
        assertThat(followUpsOfRobin()).allSatisfy(f -> assertThat(f.status()).isEqualTo(FollowUpStatus.SCHEDULED));
        assertThatThrownBy(() -> riverside.as(ash, () -> followUps.createLink(first())))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("falls due on");
    }

    @Test
    void fallsDueOnItsDateForTheFormerLeadHelperOnly() {
        close();
        FollowUpFixtures hillside = fixtures("Hillside Family Service");
        Staff kit = hillside.aHelper("Kit Hollow");
        RelationshipId bex = hillside.as(kit, () -> relationships.refer(aReferral("Bex Orchard", kit, today.minusMonths(2))));
        hillside.closeWithFollowUps(kit, bex, today, List.of(today.plusMonths(2)), null);
        clock.travelTo(today.plusMonths(1));

        followUps.releaseDue();
        followUps.releaseDue();

        List<DueFollowUp> due = riverside.as(ash, () -> followUps.dueForMe());
        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.relationship()).isEqualTo(robin);
            assertThat(d.clientPartyName()).isEqualTo("Robin Quill");
            assertThat(d.dueOn()).isEqualTo(today.plusMonths(1));
        });
        assertThat(riverside.as(bo, () -> followUps.dueForMe())).isEmpty();
        assertThat(hillside.as(kit, () -> followUps.dueForMe())).as("another organisation's, not yet due").isEmpty();
        assertThat(followUpsOfRobin()).extracting(FollowUpView::status)
                .containsExactly(FollowUpStatus.DUE, FollowUpStatus.SCHEDULED, FollowUpStatus.SCHEDULED);
        assertThatThrownBy(() -> hillside.as(kit, () -> followUps.createLink(first()))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> riverside.as(bo, () -> followUps.createLink(first()))).isInstanceOf(RecordNotFound.class);
    }

    // --- the client's link -------------------------------------------------------------------------

    @Test
    void theClientAnswersOnceFromTheLinkGreetedByFirstNameOnly() {
        FollowUpId followUp = dueFirstFollowUp();
        String token = linkToken(followUp);

        FollowUpForm form = followUps.openByLink(token);
        assertThat(form.firstName()).isEqualTo("Robin");
        assertThat(form.instrument().key()).isEqualTo("phq-9");
        Optional<RelationshipId> back = followUps.answerByLink(token, phq9All(1), false, null);

        assertThat(back).isEmpty();
        assertThat(followUpsOfRobin().get(0)).satisfies(f -> {
            assertThat(f.status()).isEqualTo(FollowUpStatus.ANSWERED);
            assertThat(f.wantsContact()).isFalse();
        });
        assertThat(administrations()).isEqualTo(1);
        assertThatThrownBy(() -> followUps.openByLink(token)).isInstanceOf(LinkNotUsable.class);
        assertThatThrownBy(() -> followUps.answerByLink(token, phq9All(1), true, null)).isInstanceOf(LinkNotUsable.class);
        assertThat(administrations()).isEqualTo(1);
        assertThat(riverside.as(ash, () -> followUps.dueForMe())).isEmpty();
        assertThatThrownBy(() -> riverside.as(ash, () -> followUps.createLink(followUp)))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("answered");
    }

    @Test
    void aRiskAnswerOnTheFollowUpRaisesTheRiskAlertWithTheAnswers() {
        String token = linkToken(dueFirstFollowUp());
        Map<String, Integer> answers = phq9All(0);
        answers.put("9", 2);

        followUps.answerByLink(token, answers, false, null);

        assertThat(riverside.inScope(() -> jdbc.sql("select policy from alert where relationship_id = ? and kind = 'RISK'")
                .param(robin.value()).query(String.class).list())).containsExactly("Risk item endorsed");
    }

    @Test
    void aNewLinkReplacesTheEarlierOne() {
        FollowUpId followUp = dueFirstFollowUp();
        String earlier = linkToken(followUp);
        String later = linkToken(followUp);

        assertThatThrownBy(() -> followUps.openByLink(earlier)).isInstanceOf(LinkNotUsable.class);
        assertThat(followUps.openByLink(later).firstName()).isEqualTo("Robin");
    }

    @Test
    void anExpiredLinkIsRefusedAndNothingIsStored() {
        FollowUpId followUp = dueFirstFollowUp();
        String token = linkToken(followUp);
        clock.travel(Duration.ofDays(15));

        assertThatThrownBy(() -> followUps.answerByLink(token, phq9All(1), true, "Please")).isInstanceOf(LinkNotUsable.class);

        assertThat(administrations()).isZero();
        assertThat(relationshipsOfRiverside()).isEqualTo(1);
        assertThat(followUpsOfRobin().get(0).status()).as("waits for a new link").isEqualTo(FollowUpStatus.DUE);
        assertThatThrownBy(() -> followUps.openByLink(token)).isInstanceOf(LinkNotUsable.class);
        assertThat(followUps.openByLink(linkToken(followUp)).firstName()).isEqualTo("Robin");
    }

    @Test
    void forgedAndForeignLinksAreRefused() {
        String token = linkToken(dueFirstFollowUp());
        FollowUpFixtures hillside = fixtures("Hillside Family Service");

        assertThatThrownBy(() -> followUps.openByLink(SecretTokens.newToken())).isInstanceOf(LinkNotUsable.class);
        assertThatThrownBy(() -> followUps.openByLink("")).isInstanceOf(LinkNotUsable.class);
        assertThatThrownBy(() -> followUps.openByLink("x".repeat(500))).isInstanceOf(LinkNotUsable.class);
        assertThatThrownBy(() -> hillside.inScope(() -> followUps.answerByLink(token, phq9All(1), true, null)))
                .isInstanceOf(LinkNotUsable.class);
        assertThat(administrations()).isZero();
        assertThat(relationshipsOfRiverside()).isEqualTo(1);
    }

    @Test
    void answersOutOfRangeAreRefusedWithNothingStored() {
        String token = linkToken(dueFirstFollowUp());
        Map<String, Integer> tooHigh = phq9All(1);
        tooHigh.put("3", 7);
        Map<String, Integer> unknownItem = phq9All(1);
        unknownItem.put("99", 1);

        assertThatThrownBy(() -> followUps.answerByLink(token, tooHigh, true, null)).isInstanceOf(InvalidAnswers.class);
        assertThatThrownBy(() -> followUps.answerByLink(token, unknownItem, true, null)).isInstanceOf(InvalidAnswers.class);
        assertThatThrownBy(() -> followUps.answerByLink(token, Map.of(), true, null)).isInstanceOf(InvalidAnswers.class);
        assertThatThrownBy(() -> followUps.answerByLink(token, phq9All(1), null, null))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("get back in touch");
        assertThatThrownBy(() -> followUps.answerByLink(token, phq9All(1), true, "x".repeat(2001)))
                .isInstanceOf(RuleBroken.class);

        assertThat(administrations()).isZero();
        assertThat(relationshipsOfRiverside()).isEqualTo(1);
        assertThat(followUpsOfRobin().get(0).status()).isEqualTo(FollowUpStatus.LINK_SENT);
        assertThat(followUps.openByLink(token).firstName()).as("the link still works").isEqualTo("Robin");
    }

    @Test
    void aFollowUpScoreThatShowsReliableDeteriorationAlertsTheFormerHelper() {
        riverside.run(ash, () -> measures.enterInSession(robin, "phq-9", phq9All(0), null));
        String token = linkToken(dueFirstFollowUp());

        followUps.answerByLink(token, phq9All(2), false, null);

        List<AlertView> raised = riverside.as(ash, () -> alerts.alertsOf(robin));
        assertThat(raised).anySatisfy(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.NOT_ON_TRACK);
            assertThat(alert.acknowledged()).isFalse();
        });
        assertThat(riverside.as(ash, () -> relationships.describe(robin)).status()).isEqualTo(RelationshipStatus.ENDED);
    }

    // --- the way back in ---------------------------------------------------------------------------

    @Test
    void aYesOpensAReferralBackToTheSameHelperThatContinuesTheEarlierWork() {
        String token = linkToken(dueFirstFollowUp());

        RelationshipId again = followUps.answerByLink(token, phq9All(1), true, "Things got harder again after the winter.")
                .orElseThrow();

        RelationshipInfo earlier = riverside.as(ash, () -> relationships.describe(robin));
        RelationshipOverview next = riverside.as(ash, () -> relationships.overview(again));
        assertThat(next.clientParty().id().value()).isEqualTo(earlier.clientPartyId());
        assertThat(next.helpers()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("Ash Marlow");
            assertThat(h.lead()).isTrue();
        });
        assertThat(next.model().key()).isEqualTo(earlier.processModelKey());
        assertThat(next.status()).isEqualTo(RelationshipStatus.REFERRED);
        assertThat(next.referral().source()).isEqualTo("The client asked to get back in touch");
        assertThat(next.referral().reasonInReferrersWords()).isEqualTo("Things got harder again after the winter.");
        assertThat(next.referral().referredOn()).isEqualTo(today.plusMonths(1));
        assertThat(next.continuesFrom().relationship()).isEqualTo(robin);
        assertThat(next.continuesFrom().on()).isEqualTo(today);
        RelationshipOverview first = riverside.as(ash, () -> relationships.overview(robin));
        assertThat(first.continuedIn().relationship()).isEqualTo(again);
        assertThat(first.continuedIn().on()).isEqualTo(today.plusMonths(1));
        assertThat(followUpsOfRobin().get(0).newRelationship()).isEqualTo(again);
        assertThat(first.timeline()).extracting(e -> e.title()).contains("Follow-up answered", "Follow-up link created",
                "Follow-up scheduled for " + java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK)
                        .format(today.plusMonths(3)));
        assertThat(first.timeline()).noneMatch(e -> (e.title() + e.detail()).contains("winter"));
        assertThat(riverside.as(ash, () -> followUps.reconnectsOf(robin))).singleElement().satisfies(r -> {
            assertThat(r.via()).isEqualTo(ReconnectView.Via.FOLLOW_UP);
            assertThat(r.newRelationship()).isEqualTo(again);
        });
        assertThat(riverside.as(ash, () -> relationships.caseload(false))).extracting(e -> e.id()).contains(again);
    }

    @Test
    void everyStepIsAuditedWithoutTheClientsWords() {
        String token = linkToken(dueFirstFollowUp());
        followUps.openByLink(token);
        followUps.answerByLink(token, phq9All(1), true, "My sister's wedding brought it all back.");
        riverside.run(ash, () -> followUps.reconnectsOf(robin));

        List<String> details = riverside.inScope(() -> jdbc.sql("select detail from audit_entry order by happened_at")
                .query(String.class).list());
        assertThat(details).contains("scheduled a follow-up check-in", "a follow-up check-in fell due",
                "created a link for a follow-up check-in", "the client opened their follow-up link",
                "the client answered a follow-up check-in and asked to get back in touch", "read the ways back in");
        assertThat(details).noneMatch(detail -> detail.contains("sister") || detail.contains("wedding"));
    }

    @Test
    void aReconnectLinkOpensAReferralOnce() {
        close();
        String path = riverside.as(ash, () -> followUps.issue(robin));
        assertThat(path).startsWith("/reconnect/");
        String token = path.substring("/reconnect/".length());
        clock.travel(Duration.ofDays(200));

        assertThat(followUps.openReconnect(token).helperName()).isEqualTo("Ash Marlow");
        RelationshipId again = followUps.confirmReconnect(token, null);

        RelationshipOverview next = riverside.as(ash, () -> relationships.overview(again));
        assertThat(next.continuesFrom().relationship()).isEqualTo(robin);
        assertThat(next.referral().source()).isEqualTo("The client asked to get back in touch");
        assertThatThrownBy(() -> followUps.confirmReconnect(token, null)).isInstanceOf(LinkNotUsable.class);
        assertThatThrownBy(() -> followUps.openReconnect(token)).isInstanceOf(LinkNotUsable.class);
        assertThat(relationshipsOfRiverside()).isEqualTo(2);
        assertThat(riverside.as(ash, () -> followUps.reconnectsOf(robin))).singleElement().satisfies(r -> {
            assertThat(r.via()).isEqualTo(ReconnectView.Via.LINK);
            assertThat(r.askedAt()).isNotNull();
        });
    }

    @Test
    void aReconnectLinkExpiresAfterAYear() {
        close();
        String token = riverside.as(ash, () -> followUps.issue(robin)).substring("/reconnect/".length());
        clock.travel(Duration.ofDays(367));

        assertThatThrownBy(() -> followUps.confirmReconnect(token, null)).isInstanceOf(LinkNotUsable.class);
        assertThat(relationshipsOfRiverside()).isEqualTo(1);
    }

    @Test
    void aReconnectIsRefusedFromWorkThatHasNotEnded() {
        String token = riverside.as(ash, () -> followUps.issue(robin)).substring("/reconnect/".length());

        assertThatThrownBy(() -> followUps.openReconnect(token)).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("has not ended");
        assertThatThrownBy(() -> followUps.confirmReconnect(token, null)).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("has not ended");
        assertThat(relationshipsOfRiverside()).isEqualTo(1);
    }

    @Test
    void aReconnectIsRefusedWhenAnOpenRelationshipAlreadyContinuesTheWork() {
        String reconnect = riverside.as(ash, () -> followUps.issue(robin)).substring("/reconnect/".length());
        String followUp = linkToken(dueFirstFollowUp());
        followUps.answerByLink(followUp, phq9All(1), true, null);

        assertThatThrownBy(() -> followUps.confirmReconnect(reconnect, "Again")).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("already asked");
        assertThat(relationshipsOfRiverside()).isEqualTo(2);
    }

    @Test
    void aForeignReconnectLinkIsRefused() {
        close();
        String token = riverside.as(ash, () -> followUps.issue(robin)).substring("/reconnect/".length());
        FollowUpFixtures hillside = fixtures("Hillside Family Service");

        assertThatThrownBy(() -> hillside.inScope(() -> followUps.confirmReconnect(token, null)))
                .isInstanceOf(LinkNotUsable.class);
        assertThatThrownBy(() -> followUps.confirmReconnect(SecretTokens.newToken(), null)).isInstanceOf(LinkNotUsable.class);
        assertThat(relationshipsOfRiverside()).isEqualTo(1);
    }

    @Test
    void staffCannotContinueWorkThatHasNotEndedOrIsAlreadyContinued() {
        RelationshipInfo info = riverside.as(ash, () -> relationships.describe(robin));
        var continuing = new org.rapport.relationships.NewReferral(null, new org.rapport.people.ClientPartyId(info.clientPartyId()),
                new org.rapport.relationships.Referral("Self", "Back again", today, org.rapport.relationships.Urgency.ROUTINE),
                ash.helper(), null, List.of(), "five-stage", null, robin);
        assertThatThrownBy(() -> riverside.as(ash, () -> relationships.refer(continuing)))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("has not ended");

        close();
        RelationshipId again = riverside.as(ash, () -> relationships.refer(continuing));
        assertThat(riverside.as(ash, () -> relationships.overview(again)).continuesFrom().relationship()).isEqualTo(robin);
        assertThatThrownBy(() -> riverside.as(ash, () -> relationships.refer(continuing)))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("already continues");
        assertThatThrownBy(() -> riverside.as(bo, () -> relationships.refer(new org.rapport.relationships.NewReferral(null,
                new org.rapport.people.ClientPartyId(info.clientPartyId()),
                new org.rapport.relationships.Referral("Self", "Back again", today, org.rapport.relationships.Urgency.ROUTINE),
                bo.helper(), null, List.of(), "five-stage", null, robin)))).isInstanceOf(RecordNotFound.class);
    }

    org.rapport.relationships.NewReferral continuingRobin() {
        RelationshipInfo info = riverside.as(ash, () -> relationships.describe(robin));
        return new org.rapport.relationships.NewReferral(null, new org.rapport.people.ClientPartyId(info.clientPartyId()),
                new org.rapport.relationships.Referral("Self", "Back again", today, org.rapport.relationships.Urgency.ROUTINE),
                ash.helper(), null, List.of(), "five-stage", null, robin);
    }

    /**
     * Opens a continuation of Robin's work in a transaction held open on another thread until
     * {@code meanwhile} has started and waited on the database, then commits it; returns its id.
     */
    RelationshipId continuedMeanwhile(Runnable meanwhile) throws Exception {
        var referral = continuingRobin();
        var referred = new java.util.concurrent.CountDownLatch(1);
        var other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var first = other.submit(() -> riverside.as(ash, () -> new org.springframework.transaction.support.TransactionTemplate(
                    transactions).execute(tx -> {
                        RelationshipId id = relationships.refer(referral);
                        referred.countDown();
                        try {
                            Thread.sleep(1500);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return id;
                    })));
            assertThat(referred.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            meanwhile.run();
            return first.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
    }

    long openContinuationsOfRobin() {
        return riverside.inScope(() -> jdbc.sql("select count(*) from relationship where continues_from = ? and status <> 'ENDED'")
                .param(robin.value()).query(Long.class).single());
    }

    @Test
    void twoContinuationsAtTheSameMomentOpenOneAndTheSecondIsToldTheWorkContinuesAlready() throws Exception {
        close();
        var second = continuingRobin();

        RelationshipId first = continuedMeanwhile(() -> assertThatThrownBy(() -> riverside.as(ash, () -> relationships.refer(second)))
                .isInstanceOf(org.rapport.relationships.ContinuedAlready.class).hasMessageContaining("already continues"));

        assertThat(riverside.as(ash, () -> relationships.overview(first)).continuesFrom().relationship()).isEqualTo(robin);
        assertThat(openContinuationsOfRobin()).isEqualTo(1);
        assertThat(relationshipsOfRiverside()).isEqualTo(2);
    }

    @Test
    void aReconnectAtTheSameMomentAsAnotherContinuationIsToldTheClientHasAlreadyAsked() throws Exception {
        close();
        String token = riverside.as(ash, () -> followUps.issue(robin)).substring("/reconnect/".length());

        continuedMeanwhile(() -> assertThatThrownBy(() -> followUps.confirmReconnect(token, null))
                .isInstanceOf(RuleBroken.class).hasMessage(FollowUpManagement.ALREADY_ASKED));

        assertThat(openContinuationsOfRobin()).isEqualTo(1);
        assertThat(relationshipsOfRiverside()).isEqualTo(2);
    }

    @Test
    void aYesAtTheSameMomentAsAnotherContinuationIsLinkedToIt() throws Exception {
        String token = linkToken(dueFirstFollowUp());
        var answered = new java.util.concurrent.atomic.AtomicReference<java.util.Optional<RelationshipId>>();

        RelationshipId first = continuedMeanwhile(() -> answered.set(followUps.answerByLink(token, phq9All(1), true, "Hello")));

        assertThat(answered.get()).contains(first);
        assertThat(openContinuationsOfRobin()).isEqualTo(1);
        assertThat(followUpsOfRobin().get(0).status()).isEqualTo(FollowUpStatus.ANSWERED);
        assertThat(administrations()).isEqualTo(1);
    }

    @Test
    void withNobodySignedInAReferralCanOnlyContinueEarlierWork() {
        assertThatThrownBy(() -> riverside.inScope(() -> relationships.refer(aReferral("Sam Other", ash, today))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(relationshipsOfRiverside()).isEqualTo(1);
    }
}
