package org.rapport.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.endings.EndingLetter;
import org.rapport.endings.EndingManagement;
import org.rapport.endings.EndingPart;
import org.rapport.endings.EndingWorkspace;
import org.rapport.followups.FollowUpManagement;
import org.rapport.followups.FollowUpStatus;
import org.rapport.followups.FollowUpView;
import org.rapport.processmodels.ProcessModels;
import org.rapport.relationships.CaseloadEntry;
import org.rapport.relationships.Handover;
import org.rapport.relationships.HandoverReason;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipOverview;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.shared.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The demo organisation shows a newcomer a living system, and is only seeded once. */
@SpringBootTest
class DemoOrganisationIntegrationTests {

    @Autowired DemoOrganisation demo;
    @Autowired AccountManagement accounts;
    @Autowired RelationshipManagement relationships;
    @Autowired ProcessModels models;
    @Autowired EndingManagement endings;
    @Autowired FollowUpManagement followUps;
    @Autowired Clock clock;
    @Autowired org.rapport.measures.MeasureManagement measures;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void seedsRelationshipsInEveryShippedProcessModelAndOnlyOnce() {
        demo.seedIfAbsent();
        demo.seedIfAbsent();

        List<CaseloadEntry> everything = as("admin@demo", () -> relationships.caseload(true));
        List<String> shippedModelNames = as("admin@demo", () -> models.available().stream()
                .filter(m -> m.builtIn()).map(m -> m.name()).toList());
        assertThat(everything).extracting(CaseloadEntry::modelName).containsAll(shippedModelNames);
        assertThat(everything).extracting(CaseloadEntry::clientPartyKind)
                .contains("Person", "Couple", "Family", "Group");
        assertThat(everything).hasSize(10);
        // The demo shows measures improving, not a client at risk: no alert greets a newcomer.
        assertThat(everything).allSatisfy(entry -> assertThat(entry.alerts()).isEmpty());
        assertThat(everything).filteredOn(e -> e.clientPartyName().equals("Ash and Rowan")).singleElement()
                .satisfies(couple -> assertThat(couple.lapsing()).isTrue());
    }

    @Test
    void datesEachMeasureOnTheSessionItWasAnsweredIn() {
        demo.seedIfAbsent();
        CaseloadEntry alex = as("sam@demo", () -> relationships.caseload(false)).stream()
                .filter(e -> e.clientPartyName().equals("Alex Moreno")).findFirst().orElseThrow();

        var phq9 = as("sam@demo", () -> measures.scoresOf(alex.id())).stream()
                .filter(v -> v.instrumentKey().equals("phq-9")).findFirst().orElseThrow();

        java.time.LocalDate today = java.time.LocalDate.now(clock);
        assertThat(phq9.scores()).extracting(s -> s.completedAt().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate())
                .containsExactly(today.minusWeeks(6), today.minusWeeks(4), today.minusWeeks(2), today.minusWeeks(1));
    }

    @Test
    void letsTheSupervisorSeeTheirSuperviseesWorkAndAHelperOnlyTheirOwn() {
        demo.seedIfAbsent();

        assertThat(as("sam@demo", () -> relationships.caseload(false))).hasSize(8);
        assertThat(as("priya@demo", () -> relationships.caseload(false)))
                .extracting(CaseloadEntry::clientPartyName)
                .containsExactlyInAnyOrder("Kit Harrow", "The Adeyemi-Hart family", "Hollis Brandt");
    }

    @Test
    void hasAnEndingUnderWayWithTwoOfItsFourPartsDone() {
        demo.seedIfAbsent();

        CaseloadEntry dana = as("sam@demo", () -> relationships.caseload(false)).stream()
                .filter(e -> e.clientPartyName().equals("Dana Whitfield")).findFirst().orElseThrow();
        EndingWorkspace workspace = as("sam@demo", () -> endings.workspace(dana.id()));
        assertThat(workspace.inEndingPhase()).isTrue();
        assertThat(workspace.missingParts()).containsExactly(EndingPart.CONFIDENCE, EndingPart.OPEN_DOOR);
        assertThat(workspace.facts().sessionsAttended()).isEqualTo(4);
        assertThat(workspace.facts().measures()).singleElement()
                .satisfies(gad7 -> assertThat(gad7.change()).isEqualTo("Reliable improvement"));
    }

    @Test
    void hasWorkThatEndedAsPlannedWithItsLetterAndTheOpenDoor() {
        demo.seedIfAbsent();
        LocalDate today = LocalDate.now(clock);

        CaseloadEntry imogen = entry("sam@demo", "Imogen Vale", RelationshipStatus.ENDED);
        EndingWorkspace workspace = as("sam@demo", () -> endings.workspace(imogen.id()));
        assertThat(workspace.hasClosed()).isTrue();
        assertThat(workspace.closed().planned()).isTrue();
        assertThat(workspace.closed().endedOn()).isEqualTo(today.minusWeeks(5));
        assertThat(workspace.missingParts()).isEmpty();
        assertThat(workspace.facts().measures()).singleElement().satisfies(phq9 -> {
            assertThat(phq9.change()).isEqualTo("Reliable improvement");
            assertThat(phq9.recovery()).isEqualTo("Recovered");
        });
        EndingLetter letter = as("sam@demo", () -> endings.letter(imogen.id()));
        assertThat(letter.closed()).isTrue();
        assertThat(letter.gains()).contains("choir");
        assertThat(letter.hasMaintenancePlan()).isTrue();
        assertThat(letter.reconnectPath()).startsWith("/reconnect/");
        List<FollowUpView> followUpsOfImogen = as("sam@demo", () -> followUps.followUpsOf(imogen.id()));
        assertThat(followUpsOfImogen).hasSize(3).allSatisfy(f -> assertThat(f.dueOn()).isAfter(today));
        assertThat(followUpsOfImogen).extracting(FollowUpView::status).containsOnly(FollowUpStatus.SCHEDULED);
    }

    @Test
    void hasARelationshipHandedOverAndAwaitingTheNewHelper() {
        demo.seedIfAbsent();

        CaseloadEntry jesse = entry("morgan@demo", "Jesse Okonjo", RelationshipStatus.ACTIVE);
        RelationshipOverview overview = as("morgan@demo", () -> relationships.overview(jesse.id()));
        Handover handover = overview.latestHandover().orElseThrow();
        assertThat(handover.reason()).isEqualTo(HandoverReason.BETTER_FIT);
        assertThat(handover.isConfirmed()).isFalse();
        assertThat(overview.mayConfirmHandover()).as("Morgan, the new helper, has still to confirm").isTrue();
        assertThat(as("jordan@demo", () -> relationships.caseload(false))).extracting(CaseloadEntry::clientPartyName)
                .doesNotContain("Jesse Okonjo");
    }

    @Test
    void hasAFormerClientWhoAskedToComeBack() {
        demo.seedIfAbsent();

        CaseloadEntry again = entry("priya@demo", "Hollis Brandt", RelationshipStatus.REFERRED);
        CaseloadEntry earlier = entry("priya@demo", "Hollis Brandt", RelationshipStatus.ENDED);
        RelationshipOverview newWork = as("priya@demo", () -> relationships.overview(again.id()));
        assertThat(newWork.continuesFrom()).isNotNull();
        assertThat(newWork.continuesFrom().relationship()).isEqualTo(earlier.id());
        assertThat(newWork.referral().reasonInReferrersWords()).contains("see Priya again");
        RelationshipOverview earlierWork = as("priya@demo", () -> relationships.overview(earlier.id()));
        assertThat(earlierWork.continuedIn()).isNotNull();
        assertThat(earlierWork.continuedIn().relationship()).isEqualTo(again.id());
        assertThat(earlierWork.clientParty().id()).isEqualTo(newWork.clientParty().id());
    }

    private CaseloadEntry entry(String username, String clientName, RelationshipStatus status) {
        return as(username, () -> relationships.caseload(true)).stream()
                .filter(e -> e.clientPartyName().equals(clientName))
                .filter(e -> as(username, () -> relationships.describe(e.id())).status() == status)
                .findFirst().orElseThrow(() -> new AssertionError(clientName + " " + status + " not found"));
    }

    private <T> T as(String username, Supplier<T> work) {
        var user = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        var organisation = org.rapport.accounts.CurrentUser.require().organisationId();
        return Tenancy.callAs(organisation, work);
    }
}
