package org.rapport.people;

import java.util.Set;
import org.rapport.accounts.Role;

/** A line in the organisation's list of helpers: the helper and the roles their sign-in account holds (none without one). */
public record HelperSummary(Helper helper, Set<Role> roles) {

    public HelperSummary {
        roles = Set.copyOf(roles);
    }
}
