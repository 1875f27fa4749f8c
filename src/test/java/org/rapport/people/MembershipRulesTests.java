package org.rapport.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;

class MembershipRulesTests {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 14);

    @Nested
    class WhenRegistering {

        @ParameterizedTest(name = "{0} with {1} members: {2}")
        @CsvSource({
                "PERSON, 0, false", "PERSON, 1, true", "PERSON, 2, false",
                "COUPLE, 1, false", "COUPLE, 2, true", "COUPLE, 3, false",
                "FAMILY, 1, false", "FAMILY, 2, true", "FAMILY, 7, true",
                "GROUP, 1, false", "GROUP, 2, true", "GROUP, 12, true", "GROUP, 201, false" })
        void acceptsOnlyAsManyMembersAsTheKindAllows(ClientPartyKind kind, int members, boolean accepted) {
            NewClientParty party = new NewClientParty(kind, "The Ashdowns", members(members));
            if (accepted) {
                assertThat(MembershipRules.registration(party, TODAY).members()).hasSize(members);
            } else {
                assertThatThrownBy(() -> MembershipRules.registration(party, TODAY)).isInstanceOf(RuleBroken.class);
            }
        }

        @Test
        void refusesACoupleWithThreeMembers() {
            assertThatThrownBy(() -> MembershipRules.registration(
                    new NewClientParty(ClientPartyKind.COUPLE, "Pat and Sam", members(3)), TODAY))
                    .isInstanceOf(RuleBroken.class).hasMessage("A couple is registered with exactly two members.");
        }

        @Test
        void tidiesNamesOfThePartyAndItsMembers() {
            NewClientParty checked = MembershipRules.registration(new NewClientParty(ClientPartyKind.PERSON,
                    "  Robin Fairweather ", List.of(new NewClientMember(" Robin Fairweather\t", TODAY))), TODAY);
            assertThat(checked.name()).isEqualTo("Robin Fairweather");
            assertThat(checked.members().get(0).name()).isEqualTo("Robin Fairweather");
        }

        @Test
        void refusesAPartyWithoutAKind() {
            assertThatThrownBy(() -> MembershipRules.registration(new NewClientParty(null, "Robin", members(1)), TODAY))
                    .isInstanceOf(RuleBroken.class).hasMessageContaining("person, a couple, a family or a group");
        }

        @Test
        void refusesBlankAndOverLongNames() {
            assertThatThrownBy(() -> MembershipRules.registration(
                    new NewClientParty(ClientPartyKind.PERSON, "   ", members(1)), TODAY))
                    .isInstanceOf(RuleBroken.class).hasMessageContaining("A client needs a name");
            assertThatThrownBy(() -> MembershipRules.registration(
                    new NewClientParty(ClientPartyKind.PERSON, "x".repeat(121), members(1)), TODAY))
                    .isInstanceOf(RuleBroken.class).hasMessageContaining("1 to 120 characters");
            assertThatThrownBy(() -> MembershipRules.registration(new NewClientParty(ClientPartyKind.PERSON, "Robin",
                    List.of(new NewClientMember("", TODAY))), TODAY))
                    .isInstanceOf(RuleBroken.class).hasMessageContaining("Each member needs a name");
        }

        @Test
        void acceptsANameOfExactlyOneHundredAndTwentyCharacters() {
            assertThat(MembershipRules.registration(
                    new NewClientParty(ClientPartyKind.PERSON, "x".repeat(120), members(1)), TODAY).name()).hasSize(120);
        }

        @Test
        void refusesAMemberWhoJoinsInTheFuture() {
            assertThatThrownBy(() -> MembershipRules.registration(new NewClientParty(ClientPartyKind.PERSON, "Robin",
                    List.of(new NewClientMember("Robin", TODAY.plusDays(1)))), TODAY))
                    .isInstanceOf(RuleBroken.class).hasMessage("A member cannot join on a day in the future.");
        }

        @Test
        void refusesAMemberWithoutAJoiningDay() {
            assertThatThrownBy(() -> MembershipRules.registration(new NewClientParty(ClientPartyKind.PERSON, "Robin",
                    List.of(new NewClientMember("Robin", null))), TODAY))
                    .isInstanceOf(RuleBroken.class).hasMessage("Give the day each member joined.");
        }
    }

    @Nested
    class WhenMembersJoin {

        @Test
        void letsSomeoneJoinAFamily() {
            ClientParty family = party(ClientPartyKind.FAMILY, 3);
            assertThat(MembershipRules.joining(family, new NewClientMember("Ellis", TODAY), TODAY).name())
                    .isEqualTo("Ellis");
        }

        @Test
        void refusesSomeoneJoiningAPerson() {
            assertThatThrownBy(() -> MembershipRules.joining(party(ClientPartyKind.PERSON, 1),
                    new NewClientMember("Ellis", TODAY), TODAY))
                    .isInstanceOf(RuleBroken.class).hasMessageContaining("register a couple, a family or a group");
        }

        @Test
        void refusesAThirdPersonJoiningACouple() {
            assertThatThrownBy(() -> MembershipRules.joining(party(ClientPartyKind.COUPLE, 2),
                    new NewClientMember("Ellis", TODAY), TODAY))
                    .isInstanceOf(RuleBroken.class).hasMessageContaining("A couple always has the same two members");
        }
    }

    @Nested
    class WhenMembersLeave {

        @Test
        void letsAGroupMemberLeaveWhileTwoRemain() {
            ClientParty group = party(ClientPartyKind.GROUP, 3);
            ClientMember leaving = group.members().get(0);
            assertThat(MembershipRules.leaving(group, leaving.id(), TODAY, TODAY)).isEqualTo(leaving);
        }

        @Test
        void refusesToLetAFamilyShrinkBelowTwo() {
            ClientParty family = party(ClientPartyKind.FAMILY, 2);
            assertThatThrownBy(() -> MembershipRules.leaving(family, family.members().get(1).id(), TODAY, TODAY))
                    .isInstanceOf(RuleBroken.class).hasMessageContaining("keeps at least 2 current members");
        }

        @Test
        void refusesToLetAPersonLoseTheirOnlyMember() {
            ClientParty person = party(ClientPartyKind.PERSON, 1);
            assertThatThrownBy(() -> MembershipRules.leaving(person, person.members().get(0).id(), TODAY, TODAY))
                    .isInstanceOf(RuleBroken.class).hasMessageContaining("cannot lose their only member");
        }

        @Test
        void refusesToLetACoupleLoseAMember() {
            ClientParty couple = party(ClientPartyKind.COUPLE, 2);
            assertThatThrownBy(() -> MembershipRules.leaving(couple, couple.members().get(0).id(), TODAY, TODAY))
                    .isInstanceOf(RuleBroken.class).hasMessageContaining("A couple always keeps both its members");
        }

        @Test
        void refusesALeavingDayBeforeTheJoiningDay() {
            ClientParty group = party(ClientPartyKind.GROUP, 3);
            ClientMember member = group.members().get(0);
            assertThatThrownBy(() -> MembershipRules.leaving(group, member.id(), member.joinedOn().minusDays(1), TODAY))
                    .isInstanceOf(RuleBroken.class).hasMessageContaining("cannot leave before the day they joined");
        }

        @Test
        void acceptsLeavingOnTheDayOfJoining() {
            ClientParty group = party(ClientPartyKind.GROUP, 3);
            ClientMember member = group.members().get(0);
            assertThat(MembershipRules.leaving(group, member.id(), member.joinedOn(), TODAY)).isEqualTo(member);
        }

        @Test
        void refusesALeavingDayInTheFuture() {
            ClientParty group = party(ClientPartyKind.GROUP, 3);
            assertThatThrownBy(() -> MembershipRules.leaving(group, group.members().get(0).id(), TODAY.plusDays(1), TODAY))
                    .isInstanceOf(RuleBroken.class).hasMessageContaining("cannot be in the future");
        }

        @Test
        void refusesToRecordLeavingTwice() {
            ClientParty group = party(ClientPartyKind.GROUP, 3);
            ClientMember first = group.members().get(0);
            ClientParty after = new ClientParty(group.id(), group.kind(), group.name(), List.of(
                    new ClientMember(first.id(), first.name(), first.joinedOn(), TODAY.minusDays(1)),
                    group.members().get(1), group.members().get(2)));
            assertThatThrownBy(() -> MembershipRules.leaving(after, first.id(), TODAY, TODAY))
                    .isInstanceOf(RuleBroken.class).hasMessage("This member's leaving is already recorded.");
        }

        @Test
        void treatsAnotherPartysMemberAsNotFound() {
            ClientParty group = party(ClientPartyKind.GROUP, 3);
            assertThatThrownBy(() -> MembershipRules.leaving(group, new MemberId(UUID.randomUUID()), TODAY, TODAY))
                    .isInstanceOf(RecordNotFound.class);
        }
    }

    static List<NewClientMember> members(int count) {
        List<NewClientMember> members = new ArrayList<>();
        for (int i = 1; i <= count; i++) members.add(new NewClientMember("Member " + i, TODAY.minusMonths(1)));
        return members;
    }

    static ClientParty party(ClientPartyKind kind, int count) {
        List<ClientMember> members = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            members.add(new ClientMember(new MemberId(UUID.randomUUID()), "Member " + i, TODAY.minusMonths(2), null));
        }
        return new ClientParty(new ClientPartyId(UUID.randomUUID()), kind, "The party", members);
    }
}
