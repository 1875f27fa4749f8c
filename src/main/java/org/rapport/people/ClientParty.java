package org.rapport.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The client side of a helping relationship: a person, a couple, a family or a group, with every
 * member it has had, in the order they joined. Members who have left stay on the record.
 */
public record ClientParty(ClientPartyId id, ClientPartyKind kind, String name, List<ClientMember> members) {

    public ClientParty {
        members = List.copyOf(members);
    }

    public List<ClientMember> currentMembers(LocalDate day) {
        return members.stream().filter(member -> member.isCurrentOn(day)).toList();
    }

    public Optional<ClientMember> member(MemberId id) {
        return members.stream().filter(member -> member.id().equals(id)).findFirst();
    }
}
