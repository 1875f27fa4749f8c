package org.rapport.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.audit.AuditAction;
import org.rapport.audit.AuditEntry;
import org.rapport.audit.AuditTrail;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.GrantedAuthority;

@SpringBootTest
@AutoConfigureMockMvc
class PeopleManagementIntegrationTests {

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired PeopleDirectory directory;
    @Autowired AuditTrail audit;

    PeopleFixtures riverside;
    PeopleFixtures hillside;

    @BeforeEach
    void openTwoOrganisations() {
        riverside = new PeopleFixtures(accounts, people, "Riverside Counselling");
        hillside = new PeopleFixtures(accounts, people, "Hillside Community Nursing");
    }

    @Test
    void addsAHelperWhoCannotSignIn() {
        HelperId id = riverside.aHelper("Ada Quill");

        Helper helper = riverside.as(() -> directory.helper(id)).orElseThrow();
        assertThat(helper.name()).isEqualTo("Ada Quill");
        assertThat(helper.discipline()).isEqualTo(Discipline.COUNSELLOR);
        assertThat(helper.username()).isNull();
        assertThat(helper.active()).isTrue();
    }

    @Test
    void opensASignInAccountLinkedToTheHelperWithTheHelperRoleByDefault() {
        String username = PeopleFixtures.uniqueUsername("Bo Tern");
        HelperId id = riverside.as(() -> people.addHelper(new NewHelper("Bo Tern", Discipline.NURSE,
                username.toUpperCase(), PeopleFixtures.PASSWORD, Set.of())));

        Helper helper = riverside.as(() -> directory.helper(id)).orElseThrow();
        assertThat(helper.username()).isEqualTo(username);
        var user = accounts.loadUserByUsername(username);
        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_HELPER");
        assertThat(riverside.as(() -> directory.helperSummaries())).singleElement()
                .satisfies(summary -> assertThat(summary.roles()).containsExactly(Role.HELPER));
    }

    @Test
    void storesNeitherHelperNorAccountWhenTheSignInNameIsTaken() {
        String taken = riverside.anAdmin();

        assertThatThrownBy(() -> hillside.as(() -> people.addHelper(new NewHelper("Cy Vance", Discipline.COACH, taken,
                PeopleFixtures.PASSWORD, Set.of(Role.HELPER)))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("already in use");
        assertThat(hillside.as(() -> directory.helpers())).isEmpty();
    }

    @Test
    void refusesAShortPasswordAndStoresNothing() {
        assertThatThrownBy(() -> riverside.as(() -> people.addHelper(new NewHelper("Cy Vance", Discipline.COACH,
                PeopleFixtures.uniqueUsername("cy"), "short", Set.of()))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("at least 12 characters");
        assertThat(riverside.as(() -> directory.helpers())).isEmpty();
    }

    @Test
    void refusesAPasswordWithoutASignInName() {
        assertThatThrownBy(() -> riverside.as(() -> people.addHelper(new NewHelper("Cy Vance", Discipline.COACH, " ",
                PeopleFixtures.PASSWORD, Set.of()))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("needs a sign-in name");
    }

    @Test
    void refusesTheClientRoleForAHelper() {
        assertThatThrownBy(() -> riverside.as(() -> people.addHelper(new NewHelper("Cy Vance", Discipline.COACH,
                PeopleFixtures.uniqueUsername("cy"), PeopleFixtures.PASSWORD, Set.of(Role.CLIENT)))))
                .isInstanceOf(RuleBroken.class);
    }

    @Test
    void listsHelpersByName() {
        riverside.aHelper("zoe Marlow");
        riverside.aHelper("Abel Marsh");
        riverside.aHelper("Mina Rowe");

        assertThat(riverside.as(() -> directory.helpers())).extracting(Helper::name)
                .containsExactly("Abel Marsh", "Mina Rowe", "zoe Marlow");
    }

    @Test
    void formsATeamAndLetsHelpersJoinAndLeave() {
        HelperId ada = riverside.aHelper("Ada Quill");
        HelperId bo = riverside.aHelper("Bo Tern");
        HelperId cy = riverside.aHelper("Cy Vance");

        TeamId team = riverside.as(() -> people.formTeam("Tuesday group facilitators", List.of(bo, ada, bo)));
        assertThat(riverside.as(() -> directory.team(team))).get()
                .satisfies(t -> assertThat(t.members()).containsExactly(ada, bo));

        riverside.run(() -> people.joinTeam(team, cy));
        riverside.run(() -> people.leaveTeam(team, ada));

        assertThat(riverside.as(() -> directory.teams())).singleElement()
                .satisfies(t -> assertThat(t.members()).containsExactly(bo, cy));
    }

    @Test
    void refusesADuplicateTeamNameWhateverItsCase() {
        riverside.as(() -> people.formTeam("Outreach", List.of()));

        assertThatThrownBy(() -> riverside.as(() -> people.formTeam(" OUTREACH ", List.of())))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("There is already a team called");
        assertThat(hillside.as(() -> people.formTeam("Outreach", List.of()))).isNotNull();
    }

    @Test
    void refusesToAddAMemberTwiceOrRemoveSomeoneWhoIsNotOne() {
        HelperId ada = riverside.aHelper("Ada Quill");
        HelperId bo = riverside.aHelper("Bo Tern");
        TeamId team = riverside.as(() -> people.formTeam("Outreach", List.of(ada)));

        assertThatThrownBy(() -> riverside.run(() -> people.joinTeam(team, ada)))
                .isInstanceOf(RuleBroken.class).hasMessage("Ada Quill is already a member of this team.");
        assertThatThrownBy(() -> riverside.run(() -> people.leaveTeam(team, bo)))
                .isInstanceOf(RuleBroken.class).hasMessage("Bo Tern is not a member of this team.");
    }

    @Test
    void linksSupervisorsBothWays() {
        HelperId ada = riverside.aHelper("Ada Quill");
        HelperId bo = riverside.aHelper("Bo Tern");
        HelperId cy = riverside.aHelper("Cy Vance");

        riverside.run(() -> people.linkSupervisor(ada, bo));
        riverside.run(() -> people.linkSupervisor(ada, cy));
        riverside.run(() -> people.linkSupervisor(cy, bo));

        assertThat(riverside.as(() -> directory.superviseesOf(ada))).containsExactlyInAnyOrder(bo, cy);
        assertThat(riverside.as(() -> directory.supervisorsOf(bo))).containsExactlyInAnyOrder(ada, cy);
        assertThat(riverside.as(() -> directory.supervisionLinks())).containsExactly(
                new SupervisionLink(ada, bo), new SupervisionLink(ada, cy), new SupervisionLink(cy, bo));

        riverside.run(() -> people.unlinkSupervisor(ada, bo));
        assertThat(riverside.as(() -> directory.supervisorsOf(bo))).containsExactly(cy);
    }

    @Test
    void refusesSelfSupervisionDuplicatesAndUnlinkingWhatIsNotLinked() {
        HelperId ada = riverside.aHelper("Ada Quill");
        HelperId bo = riverside.aHelper("Bo Tern");
        riverside.run(() -> people.linkSupervisor(ada, bo));

        assertThatThrownBy(() -> riverside.run(() -> people.linkSupervisor(ada, ada)))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("cannot supervise themselves");
        assertThatThrownBy(() -> riverside.run(() -> people.linkSupervisor(ada, bo)))
                .isInstanceOf(RuleBroken.class).hasMessage("Ada Quill already supervises Bo Tern.");
        assertThatThrownBy(() -> riverside.run(() -> people.unlinkSupervisor(bo, ada)))
                .isInstanceOf(RuleBroken.class).hasMessage("Bo Tern does not supervise Ada Quill.");
    }

    @Test
    void registersACoupleAndAuditsTheRegistrationWithoutNames() {
        ClientPartyId couple = riverside.aCouple();

        List<AuditEntry> entries = riverside.as(() -> audit.forClient(couple.value(), 0)).entries();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.CHANGE);
            assertThat(entry.recordId()).isEqualTo(couple.value());
            assertThat(entry.detail()).isEqualTo("registered a couple with 2 members")
                    .doesNotContain("Pat").doesNotContain("Sam");
        });
    }

    @Test
    void auditsEveryReadingOfAClientPartysRecord() {
        ClientPartyId person = riverside.aPerson();

        ClientParty party = riverside.as(() -> people.clientParty(person));
        riverside.as(() -> people.clientParty(person));

        assertThat(party.kind()).isEqualTo(ClientPartyKind.PERSON);
        assertThat(party.members()).extracting(ClientMember::name).containsExactly("Robin Fairweather");
        assertThat(riverside.as(() -> audit.forClient(person.value(), 0)).entries())
                .extracting(AuditEntry::action)
                .containsExactlyInAnyOrder(AuditAction.CHANGE, AuditAction.READ, AuditAction.READ);
    }

    @Test
    void recordsMembersJoiningAndLeavingAFamily() {
        ClientPartyId family = riverside.aFamily();
        LocalDate today = LocalDate.now();

        MemberId dara = riverside.as(() -> people.addMember(family, new NewClientMember("Dara Ashdown", today)));
        MemberId alex = riverside.as(() -> people.clientParty(family)).members().get(0).id();
        riverside.run(() -> people.recordMemberLeft(family, alex, today.minusDays(2)));

        ClientParty after = riverside.as(() -> people.clientParty(family));
        assertThat(after.members()).extracting(ClientMember::name)
                .containsExactly("Alex Ashdown", "Bea Ashdown", "Cal Ashdown", "Dara Ashdown");
        assertThat(after.member(alex).orElseThrow().leftOn()).isEqualTo(today.minusDays(2));
        assertThat(after.currentMembers(today)).extracting(ClientMember::id).contains(dara).doesNotContain(alex);
        assertThat(riverside.as(() -> directory.clientParties())).singleElement()
                .isEqualTo(new ClientPartySummary(family, ClientPartyKind.FAMILY, "The Ashdown family", 3));
        assertThat(riverside.as(() -> audit.forClient(family.value(), 0)).entries()).extracting(AuditEntry::detail)
                .contains("member joined", "member left");
    }

    @Test
    void keepsNothingOfARefusedMembershipChange() {
        ClientPartyId couple = riverside.aCouple();
        MemberId pat = riverside.as(() -> people.clientParty(couple)).members().get(0).id();

        assertThatThrownBy(() -> riverside.as(() -> people.addMember(couple, new NewClientMember("Tay", LocalDate.now()))))
                .isInstanceOf(RuleBroken.class);
        assertThatThrownBy(() -> riverside.run(() -> people.recordMemberLeft(couple, pat, LocalDate.now())))
                .isInstanceOf(RuleBroken.class);

        ClientParty after = riverside.as(() -> people.clientParty(couple));
        assertThat(after.currentMembers(LocalDate.now())).hasSize(2);
        assertThat(riverside.as(() -> audit.forClient(couple.value(), 0)).entries()).extracting(AuditEntry::action)
                .containsExactlyInAnyOrder(AuditAction.CHANGE, AuditAction.READ, AuditAction.READ);
    }

    @Test
    void treatsAnotherOrganisationsIdsAsUnknown() {
        ClientPartyId couple = riverside.aCouple();
        HelperId ada = riverside.aHelper("Ada Quill");
        TeamId team = riverside.as(() -> people.formTeam("Outreach", List.of(ada)));
        HelperId hillsideHelper = hillside.aHelper("Bo Tern");

        assertThatThrownBy(() -> hillside.as(() -> people.clientParty(couple))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> hillside.as(() -> people.addMember(couple, new NewClientMember("X", LocalDate.now()))))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> hillside.run(() -> people.joinTeam(team, hillsideHelper)))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> hillside.run(() -> people.linkSupervisor(hillsideHelper, ada)))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> hillside.as(() -> people.formTeam("Mixed", List.of(ada, hillsideHelper))))
                .isInstanceOf(RecordNotFound.class);
        assertThat(hillside.as(() -> directory.helper(ada))).isEmpty();
        assertThat(hillside.as(() -> directory.clientParties())).isEmpty();
        assertThat(hillside.as(() -> directory.clientPartyNames(List.of(couple)))).isEmpty();
        assertThat(hillside.as(() -> directory.helperNames(List.of(ada, hillsideHelper))))
                .containsOnlyKeys(hillsideHelper);
        assertThat(riverside.as(() -> audit.forClient(couple.value(), 0)).entries()).hasSize(1);
    }

    @Test
    void treatsUnknownIdsAsNotFound() {
        assertThatThrownBy(() -> riverside.as(() -> people.clientParty(new ClientPartyId(UUID.randomUUID()))))
                .isInstanceOf(RecordNotFound.class).hasMessage("No client with that id is available to you.");
        ClientPartyId group = riverside.aGroup();
        assertThatThrownBy(() -> riverside.run(() -> people.recordMemberLeft(group, new MemberId(UUID.randomUUID()),
                LocalDate.now()))).isInstanceOf(RecordNotFound.class);
    }

    @Test
    void namesClientPartiesForCaseloadLists() {
        ClientPartyId couple = riverside.aCouple();
        ClientPartyId group = riverside.aGroup();

        assertThat(riverside.as(() -> directory.clientPartyNames(List.of(couple, group, new ClientPartyId(UUID.randomUUID())))))
                .containsEntry(couple, "Pat and Sam Okonkwo-Lind").containsEntry(group, "Thursday recovery group")
                .hasSize(2);
    }
}
