package org.rapport.accounts;

import java.time.Instant;
import java.util.Set;
import org.rapport.shared.OrganisationId;

/**
 * An organisation admin changed what an account may do. Its sessions end once the change is
 * committed, so the new roles hold from its next sign-in; its API tokens read them on every call.
 */
public record RolesChanged(AccountId account, OrganisationId organisation, Set<Role> before, Set<Role> after,
        Instant at) {

    public RolesChanged {
        before = Set.copyOf(before);
        after = Set.copyOf(after);
    }
}
