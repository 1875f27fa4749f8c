package org.rapport.relationships;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.RuleBroken;

/** The helping side of a relationship: one helper, or several (perhaps a team) with one who leads. */
record HelperParty(UUID lead, @Nullable UUID team, Set<UUID> helpers) {

    HelperParty {
        if (lead == null) throw new RuleBroken("Choose the helper who leads the work.");
        Set<UUID> all = new LinkedHashSet<>();
        all.add(lead);
        all.addAll(helpers);
        if (all.size() > 20) throw new RuleBroken("A helper party has at most 20 helpers.");
        helpers = Set.copyOf(all);
    }

    /**
     * The party after a handover to {@code newLead}: the new helper leads, and the helper who led
     * leaves the party (the relationship leaves their caseload). Other helpers of a team stay.
     */
    HelperParty handedTo(UUID newLead) {
        if (newLead == null) throw new RuleBroken("Choose the helper who takes the relationship over.");
        if (newLead.equals(lead)) throw new RuleBroken("That helper already leads this relationship; choose another helper.");
        Set<UUID> rest = new LinkedHashSet<>(helpers);
        rest.remove(lead);
        return new HelperParty(newLead, team, rest);
    }

    static HelperParty of(UUID lead, @Nullable UUID team, List<UUID> others) {
        return new HelperParty(lead, team, Set.copyOf(others));
    }
}
