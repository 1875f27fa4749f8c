package org.rapport.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientPartyTests {

    static final LocalDate JOINED = LocalDate.of(2025, 1, 6);
    static final LocalDate LEFT = LocalDate.of(2025, 2, 3);

    @Test
    void countsAMemberAsCurrentFromTheDayTheyJoinUntilTheDayBeforeTheyLeave() {
        ClientMember member = new ClientMember(new MemberId(UUID.randomUUID()), "Jo Marsh", JOINED, LEFT);
        assertThat(member.isCurrentOn(JOINED.minusDays(1))).isFalse();
        assertThat(member.isCurrentOn(JOINED)).isTrue();
        assertThat(member.isCurrentOn(LEFT.minusDays(1))).isTrue();
        assertThat(member.isCurrentOn(LEFT)).isFalse();
    }

    @Test
    void keepsAMemberWhoHasNotLeftCurrent() {
        ClientMember member = new ClientMember(new MemberId(UUID.randomUUID()), "Jo Marsh", JOINED, null);
        assertThat(member.isCurrentOn(JOINED.plusYears(5))).isTrue();
    }

    @Test
    void listsOnlyTheCurrentMembersOfAGroupOnADay() {
        ClientMember stayed = new ClientMember(new MemberId(UUID.randomUUID()), "Kit", JOINED, null);
        ClientMember left = new ClientMember(new MemberId(UUID.randomUUID()), "Lee", JOINED, LEFT);
        ClientMember joinedLater = new ClientMember(new MemberId(UUID.randomUUID()), "Max", LEFT, null);
        ClientParty group = new ClientParty(new ClientPartyId(UUID.randomUUID()), ClientPartyKind.GROUP,
                "Tuesday group", List.of(stayed, left, joinedLater));

        assertThat(group.currentMembers(JOINED)).containsExactly(stayed, left);
        assertThat(group.currentMembers(LEFT)).containsExactly(stayed, joinedLater);
        assertThat(group.member(left.id())).contains(left);
    }

    @Test
    void refusesIdsWithoutAValue() {
        assertThatThrownBy(() -> new HelperId(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TeamId(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientPartyId(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemberId(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesKindsAndDisciplinesInPlainWords() {
        assertThat(Discipline.SOCIAL_WORKER.label()).isEqualTo("Social worker");
        assertThat(Discipline.COMMUNITY_PRACTITIONER.label()).isEqualTo("Community practitioner");
        assertThat(Discipline.PEER_SUPPORTER.label()).isEqualTo("Peer supporter");
        assertThat(ClientPartyKind.COUPLE.label()).isEqualTo("Couple");
        assertThat(ClientPartyKind.PERSON.minimumMembers()).isEqualTo(1);
        assertThat(ClientPartyKind.COUPLE.minimumMembers()).isEqualTo(2);
        assertThat(ClientPartyKind.FAMILY.minimumMembers()).isEqualTo(2);
        assertThat(ClientPartyKind.GROUP.minimumMembers()).isEqualTo(2);
    }
}
