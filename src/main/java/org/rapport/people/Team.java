package org.rapport.people;

import java.util.List;

/** Helpers who work together, such as co-facilitators of a group or a multidisciplinary team; members sorted by name. */
public record Team(TeamId id, String name, List<HelperId> members) {

    public Team {
        members = List.copyOf(members);
    }
}
