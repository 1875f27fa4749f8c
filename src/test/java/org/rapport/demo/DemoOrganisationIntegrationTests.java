package org.rapport.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.endings.EndingManagement;
import org.rapport.endings.EndingPart;
import org.rapport.endings.EndingWorkspace;
import org.rapport.processmodels.ProcessModels;
import org.rapport.relationships.CaseloadEntry;
import org.rapport.relationships.RelationshipManagement;
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
        assertThat(everything).hasSize(6);
        // The demo shows measures improving, not a client at risk: no alert greets a newcomer.
        assertThat(everything).allSatisfy(entry -> assertThat(entry.alerts()).isEmpty());
        assertThat(everything).filteredOn(e -> e.clientPartyName().equals("Ash and Rowan")).singleElement()
                .satisfies(couple -> assertThat(couple.lapsing()).isTrue());
    }

    @Test
    void letsTheSupervisorSeeTheirSuperviseesWorkAndAHelperOnlyTheirOwn() {
        demo.seedIfAbsent();

        assertThat(as("sam@demo", () -> relationships.caseload(false))).hasSize(6);
        assertThat(as("priya@demo", () -> relationships.caseload(false)))
                .extracting(CaseloadEntry::clientPartyName)
                .containsExactlyInAnyOrder("Kit Harrow", "The Adeyemi-Hart family");
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

    private <T> T as(String username, Supplier<T> work) {
        var user = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        var organisation = org.rapport.accounts.CurrentUser.require().organisationId();
        return Tenancy.callAs(organisation, work);
    }
}
