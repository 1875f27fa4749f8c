package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.rapport.endings.Confidence;
import org.rapport.endings.EndingManagement;
import org.rapport.endings.Gains;
import org.rapport.endings.OpenDoor;
import org.rapport.endings.UnplannedClosing;
import org.rapport.endings.WhyItEnds;
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
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.PeopleManagement;
import org.rapport.protection.NarrativeCipher;
import org.rapport.protection.NarrativeRewrap;
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
 * The client's story is sealed at rest. Every free-text field a helper or client fills in about
 * the work (the referral reason, the reasons for status changes and phase moves, the working
 * agreement, the handover note, concerns, goals, their levels, steps and status reasons, the four
 * parts of an ending and an unplanned closing, what was done about an alert, the words a client
 * sends when asking to come back) gets a marker of its own; then every row of every table of
 * the organisation is read as text, as the schema's owner reads it in a dump, and no marker is
 * found. Each text still reads back through the modules as it was written.
 */
@SpringBootTest
class NarrativeAtRestIntegrationTests {

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired GoalManagement goals;
    @Autowired EndingManagement endings;
    @Autowired AlertManagement alerts;
    @Autowired Clock clock;
    @Autowired @Qualifier("migrationDataSource") DataSource owner;
    @Autowired PlatformTransactionManager transactions;
    @Autowired List<NarrativeStore> stores;
    @Autowired NarrativeCipher cipher;
    @Autowired NarrativeRewrap rewrap;

    /** Each field's marker: unique to this run, so nothing else in the database carries it. */
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final Map<String, String> markers = new LinkedHashMap<>();
    /** Each field's whole text as written: the marker and the field's name. */
    final Map<String, String> written = new LinkedHashMap<>();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void noFreeTextOfTheWorkIsReadableInADumpAndEveryTextReadsBack() throws Exception {
        TestOrganisation service = new TestOrganisation(accounts, people, "Sealed Story Counselling");
        Staff ash = service.aHelper("Ash Marlow");
        Staff sam = service.aHelper("Sam Okafor");
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.systemDefault()));

        RelationshipId robin = service.as(ash, () -> relationships.refer(referral("Robin Fairweather", ash, today)));
        service.run(ash, () -> {
            relationships.changeStatus(robin, version(robin), RelationshipStatus.ACTIVE, marker("status change reason"));
            relationships.reviseAgreement(robin, version(robin), new AgreementTerms(marker("agreement purpose"), "Weekly", 50,
                    Set.of(MeetingMode.IN_PERSON), marker("agreement roles"), marker("agreement confidentiality"),
                    today.plusWeeks(8), marker("agreement ending plan")), null);
            relationships.reviseAgreement(robin, version(robin), new AgreementTerms(marker("revised purpose"), "Fortnightly",
                    50, Set.of(MeetingMode.VIDEO), "Ash keeps time", "Private unless someone is at risk", today.plusWeeks(10),
                    "Two closing sessions"), marker("agreement change note"));
            relationships.moveToPhase(robin, version(robin), "identifying-client-problems", marker("phase move reason"));
        });
        GoalId goal = service.as(ash, () -> {
            goals.addConcern(robin, new NewConcern(marker("concern"), today));
            GoalId set = goals.setGoal(robin, new NewGoal(null, marker("concern with the goal"), marker("goal statement"),
                    new LevelDescriptions(marker("level -2"), marker("level -1"), marker("level 0"), marker("level +1"),
                            marker("level +2")), new AttainmentLevel(-1), 2, 1, today, null));
            goals.addActionStep(set, new NewActionStep(marker("action step"), StepOwner.CLIENT, today.plusWeeks(1)));
            goals.changeStatus(set, goalVersion(robin), GoalStatus.ON_HOLD, marker("goal status reason"));
            return set;
        });
        UUID robinParty = service.as(ash, () -> relationships.overview(robin)).clientParty().id().value();
        AlertId alert = service.inScope(() -> new TransactionTemplate(transactions).execute(status -> alerts.raise(robin,
                robinParty, AlertKind.RISK, "Risk item endorsed", "PHQ-9 item 9 was answered above zero.", null)));
        service.run(ash, () -> alerts.acknowledge(alert, alertVersion(robin), marker("what was done")));
        service.run(ash, () -> relationships.handOver(robin, version(robin), sam.helper(), HandoverReason.CASELOAD,
                marker("handover note")));

        service.run(sam, () -> {
            relationships.changeStatus(robin, version(robin), RelationshipStatus.ENDING, "The work is coming to an end");
            int v = endings.workspace(robin).version();
            v = endings.saveGains(robin, v, new Gains(marker("gains"), marker("client's words"), true));
            v = endings.saveWhyItEnds(robin, v, new WhyItEnds("agreed-sessions-reached", marker("why it ends"), true));
            v = endings.saveConfidence(robin, v, new Confidence(marker("warning signs"), marker("what helps"),
                    marker("people to contact"), marker("crisis plan"), true));
            endings.saveOpenDoor(robin, v, new OpenDoor(List.of(), null, marker("no follow-up reason"), true));
        });
        RelationshipId kit = service.as(ash, () -> relationships.refer(referral("Kit Brennan", ash, today)));
        service.run(ash, () -> endings.closeUnplanned(kit, new UnplannedClosing(version(kit), "moved-away",
                marker("closing explanation"), today, List.of(), null)));

        List<String> found = dump(service).stream()
                .flatMap(row -> markers.entrySet().stream().filter(m -> row.contains(m.getValue()))
                        .map(m -> m.getKey() + " in " + row.substring(0, Math.min(60, row.length()))))
                .toList();
        assertThat(found).as("markers readable in a dump").isEmpty();

        theStoryReadsAsWritten(service, sam, robin, goal);

        // Under a new primary key, each store rewraps this organisation's sealed texts, and they still read.
        rewrap.addPrimaryKey("Narrative at rest test");
        byte[] prefix = cipher.primaryPrefix();
        List<OrganisationId> here = List.of(service.id());
        assertThat(stores).filteredOn(s -> s.count(here, prefix).all() > 0).extracting(NarrativeStore::what)
                .as("the stores holding this organisation's story").hasSizeGreaterThanOrEqualTo(4);
        // Two relationships, a goal and its two concerns, two endings and an alert, at least.
        assertThat(stores.stream().mapToLong(s -> s.count(here, prefix).older()).sum()).as("under the older key")
                .isGreaterThanOrEqualTo(8);
        for (NarrativeStore store : stores) {
            long older = store.count(here, prefix).older();
            assertThat(store.rewrap(here, cipher, prefix, 1_000)).as(store.what()).isEqualTo((int) older);
            assertThat(store.count(here, prefix).older()).as(store.what()).isZero();
        }
        theStoryReadsAsWritten(service, sam, robin, goal);
    }

    /** Sealed, not lost: every text reads back as it was written. */
    private void theStoryReadsAsWritten(TestOrganisation service, Staff sam, RelationshipId robin, GoalId goal) {
        RelationshipOverview overview = service.as(sam, () -> relationships.overview(robin));
        assertThat(overview.referral().reasonInReferrersWords()).isEqualTo(written.get("referral reason Robin Fairweather"));
        assertThat(overview.agreementRevisions()).extracting(r -> r.terms().purposeInClientsWords())
                .containsExactly(written.get("agreement purpose"), written.get("revised purpose"));
        assertThat(overview.agreementRevisions().get(1).changeNote()).isEqualTo(written.get("agreement change note"));
        assertThat(overview.handovers()).singleElement().satisfies(h -> assertThat(h.note()).isEqualTo(written.get("handover note")));
        assertThat(service.as(sam, () -> goals.history(goal)).goal().statement()).isEqualTo(written.get("goal statement"));
        assertThat(service.as(sam, () -> endings.workspace(robin)).confidence().crisisPlan()).isEqualTo(written.get("crisis plan"));
        assertThat(service.as(sam, () -> alerts.alertsOf(robin))).extracting(AlertView::whatWasDone)
                .contains(written.get("what was done"));
    }

    private NewReferral referral(String client, Staff lead, LocalDate on) {
        return new NewReferral(new NewClientParty(ClientPartyKind.PERSON, client, List.of(new NewClientMember(client, on.minusYears(30)))),
                null, new Referral("Brook Lane surgery", marker("referral reason " + client), on, Urgency.ROUTINE),
                lead.helper(), null, List.of(), "five-stage", null);
    }

    private String marker(String field) {
        String marker = "Marker-" + run + "-" + markers.size() + "-";
        markers.put(field, marker);
        written.put(field, marker + " (" + field + ")");
        return written.get(field);
    }

    private int version(RelationshipId relationship) {
        return relationships.overview(relationship).version();
    }

    private int goalVersion(RelationshipId relationship) {
        return goals.goalsOf(relationship).goals().get(0).version();
    }

    private int alertVersion(RelationshipId relationship) {
        return alerts.alertsOf(relationship).get(0).version();
    }

    /** Every row of every table in the schema, as text, in the organisation's scope, read as the owner. */
    private List<String> dump(TestOrganisation service) throws Exception {
        List<String> rows = new AsTheSchemaOwner(owner, service.id()).dump();
        assertThat(rows).as("the dump reads text: the client's name is kept clear (decision 25)")
                .anyMatch(r -> r.contains("Robin Fairweather"));
        return rows;
    }
}
