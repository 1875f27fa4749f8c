package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.alerts.AlertId;
import org.rapport.alerts.AlertKind;
import org.rapport.alerts.AlertManagement;
import org.rapport.alerts.AlertView;
import org.rapport.endings.EndingManagement;
import org.rapport.endings.Gains;
import org.rapport.goals.GoalId;
import org.rapport.goals.GoalManagement;
import org.rapport.goals.GoalView;
import org.rapport.goals.LevelDescriptions;
import org.rapport.goals.NewActionStep;
import org.rapport.goals.NewGoal;
import org.rapport.goals.StepOwner;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.PeopleManagement;
import org.rapport.protection.NarrativeCipher;
import org.rapport.protection.NarrativeStore;
import org.rapport.relationships.AgreementTerms;
import org.rapport.relationships.HandoverReason;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.NewReferral;
import org.rapport.relationships.Referral;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipOverview;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.relationships.Urgency;
import org.rapport.shared.OrganisationId;
import org.rapport.testing.AsTheSchemaOwner;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organisation's rows as an earlier version wrote them, with the client's story in clear
 * columns, still read as written; the start-up conversion seals them (the clear columns emptied),
 * they read the same afterwards, and a second pass finds nothing left.
 */
@SpringBootTest
class ClearNarrativeConversionIntegrationTests {

    static final String EARLIER = "Earlier-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired GoalManagement goals;
    @Autowired EndingManagement endings;
    @Autowired AlertManagement alerts;
    @Autowired List<NarrativeStore> stores;
    @Autowired NarrativeCipher cipher;
    @Autowired Clock clock;
    @Autowired PlatformTransactionManager transactions;
    @Autowired @Qualifier("migrationDataSource") DataSource owner;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void rowsKeptInTheClearByAnEarlierVersionReadAsWrittenAndAreSealedByTheConversion() throws Exception {
        TestOrganisation service = new TestOrganisation(accounts, people, "Earlier Version Counselling");
        Staff ash = service.aHelper("Ash Marlow");
        Staff sam = service.aHelper("Sam Okafor");
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));
        RelationshipId robin = service.as(ash, () -> relationships.refer(new NewReferral(
                new NewClientParty(ClientPartyKind.PERSON, "Robin Fairweather",
                        List.of(new NewClientMember("Robin Fairweather", today.minusYears(30)))),
                null, new Referral("Brook Lane surgery", "sealed at first", today, Urgency.ROUTINE),
                ash.helper(), null, List.of(), "five-stage", null)));
        GoalId goal = service.as(ash, () -> {
            relationships.changeStatus(robin, version(robin), RelationshipStatus.ACTIVE, "sealed at first");
            relationships.reviseAgreement(robin, version(robin), new AgreementTerms("sealed", "Weekly", 50,
                    Set.of(MeetingMode.IN_PERSON), "sealed", "sealed", today.plusWeeks(8), "sealed"), null);
            GoalId set = goals.setGoal(robin, new NewGoal(null, "sealed", "sealed", new LevelDescriptions("sealed",
                    "sealed", "sealed", "sealed", "sealed"), new AttainmentLevel(-1), null, null, today, null));
            goals.addActionStep(set, new NewActionStep("sealed", StepOwner.CLIENT, today.plusWeeks(1)));
            relationships.handOver(robin, version(robin), sam.helper(), HandoverReason.CASELOAD, "sealed at first");
            return set;
        });
        service.run(sam, () -> {
            relationships.changeStatus(robin, version(robin), RelationshipStatus.ENDING, "sealed at first");
            endings.saveGains(robin, endings.workspace(robin).version(), new Gains("sealed", "sealed", false));
        });
        UUID party = service.as(sam, () -> relationships.overview(robin)).clientParty().id().value();
        AlertId alert = service.inScope(() -> new TransactionTemplate(transactions).execute(status -> alerts.raise(robin,
                party, AlertKind.RISK, "Risk item endorsed", "PHQ-9 item 9 was answered above zero.", null)));
        service.run(sam, () -> alerts.acknowledge(alert, alerts.alertsOf(robin).get(0).version(), "sealed at first"));

        asAnEarlierVersionWroteThem(service.id());
        assertThat(dump(service.id())).as("the earlier version's clear texts").anyMatch(row -> row.contains(EARLIER));
        theStoryReadsAsWritten(service, sam, robin, goal);

        int sealed = stores.stream().mapToInt(s -> s.sealClear(List.of(service.id()), cipher, 1_000)).sum();

        assertThat(sealed).as("relationship, concern, goal, ending and alert rows sealed").isEqualTo(5);
        assertThat(dump(service.id())).as("no clear text left").noneMatch(row -> row.contains(EARLIER));
        theStoryReadsAsWritten(service, sam, robin, goal);
        assertThat(stores.stream().mapToInt(s -> s.sealClear(List.of(service.id()), cipher, 1_000)).sum())
                .as("a second pass").isZero();
    }

    /** The texts in the clear columns and no sealed document: the rows as they were before encryption. */
    private void asAnEarlierVersionWroteThem(OrganisationId organisation) throws Exception {
        new AsTheSchemaOwner(owner, organisation).update(
                "update relationship set narrative = null, referral_reason = '" + EARLIER + " referral'",
                "update status_change set reason = '" + EARLIER + " status ' || position",
                "update agreement_revision set purpose_in_clients_words = '" + EARLIER + " purpose',"
                        + " roles_and_responsibilities = 'roles', confidentiality = 'confidentiality', ending_plan = 'plan'",
                "update handover set note = '" + EARLIER + " handover'",
                "update concern set narrative = null, description = '" + EARLIER + " concern'",
                "update goal set narrative = null, statement = '" + EARLIER + " goal', level_minus_two = 'a',"
                        + " level_minus_one = 'b', level_zero = '" + EARLIER + " level', level_plus_one = 'd', level_plus_two = 'e'",
                "update action_step set description = '" + EARLIER + " step'",
                "update ending set narrative = null, gains_summary = '" + EARLIER + " gains'",
                "update alert set narrative = null, what_was_done = '" + EARLIER + " done'");
    }

    private void theStoryReadsAsWritten(TestOrganisation service, Staff sam, RelationshipId robin, GoalId goal) {
        RelationshipOverview overview = service.as(sam, () -> relationships.overview(robin));
        assertThat(overview.referral().reasonInReferrersWords()).isEqualTo(EARLIER + " referral");
        assertThat(overview.agreementRevisions()).singleElement()
                .satisfies(r -> assertThat(r.purposeInClientsWords()).isEqualTo(EARLIER + " purpose"));
        assertThat(overview.handovers()).singleElement().satisfies(h -> assertThat(h.note()).isEqualTo(EARLIER + " handover"));
        assertThat(overview.timeline()).anyMatch(e -> e.detail().contains(EARLIER + " status 1"));
        GoalView view = service.as(sam, () -> goals.history(goal)).goal();
        assertThat(view.statement()).isEqualTo(EARLIER + " goal");
        assertThat(view.concernDescription()).isEqualTo(EARLIER + " concern");
        assertThat(view.levels()).anyMatch(l -> l.description().equals(EARLIER + " level"));
        assertThat(view.actionSteps()).singleElement().satisfies(s -> assertThat(s.description()).isEqualTo(EARLIER + " step"));
        assertThat(service.as(sam, () -> endings.workspace(robin)).gains().summary()).isEqualTo(EARLIER + " gains");
        assertThat(service.as(sam, () -> alerts.alertsOf(robin))).extracting(AlertView::whatWasDone)
                .containsExactly(EARLIER + " done");
    }

    private int version(RelationshipId relationship) {
        return relationships.overview(relationship).version();
    }

    private List<String> dump(OrganisationId organisation) throws Exception {
        return new AsTheSchemaOwner(owner, organisation).dump();
    }
}
