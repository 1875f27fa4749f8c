package org.rapport.people;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.rapport.accounts.Role;

/** A line in the organisation's list of helpers: the helper and the roles their sign-in account holds (none without one). */
public record HelperSummary(Helper helper, Set<Role> roles) {

    public HelperSummary {
        // Kept in the order of the enum, so lists show roles the same way every time.
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }
}
