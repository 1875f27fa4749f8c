package org.rapport.people;

import java.util.List;

/** A client party to register, with its first members. */
public record NewClientParty(ClientPartyKind kind, String name, List<NewClientMember> members) {

    public NewClientParty {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
