package org.rapport.accounts;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.OrganisationId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person signed in for the work in hand, as other modules need to know them: who they are,
 * which organisation they belong to, what roles they hold and, when they help clients, which
 * helper record is theirs.
 */
public record CurrentUser(AccountId accountId, OrganisationId organisationId, String username, String displayName,
        Set<Role> roles, @Nullable UUID helperId) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return is(Role.ADMIN);
    }

    public Optional<UUID> helper() {
        return Optional.ofNullable(helperId);
    }

    /** The signed-in user, if the current thread works for one. */
    public static Optional<CurrentUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user.asCurrentUser());
        }
        return Optional.empty();
    }

    public static CurrentUser require() {
        return find().orElseThrow(() -> new IllegalStateException("this work needs a signed-in user"));
    }
}
