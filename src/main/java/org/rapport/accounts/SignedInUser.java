package org.rapport.accounts;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.OrganisationId;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** Spring Security's view of a Rapport account; kept in the HTTP session, so it holds plain values only. */
final class SignedInUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID accountId;
    private final UUID organisationId;
    private final String username;
    private @Nullable String passwordHash;
    private final String displayName;
    private final EnumSet<Role> roles;
    private final @Nullable UUID helperId;
    private final boolean enabled;

    SignedInUser(UUID accountId, UUID organisationId, String username, String passwordHash, String displayName,
            Set<Role> roles, @Nullable UUID helperId, boolean enabled) {
        this.accountId = accountId;
        this.organisationId = organisationId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.helperId = helperId;
        this.enabled = enabled;
    }

    CurrentUser asCurrentUser() {
        return new CurrentUser(new AccountId(accountId), new OrganisationId(organisationId), username, displayName,
                roles, helperId);
    }

    OrganisationId organisation() {
        return new OrganisationId(organisationId);
    }

    AccountId accountId() {
        return new AccountId(accountId);
    }

    Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }

    public String getDisplayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser that && that.accountId.equals(accountId);
    }

    @Override
    public int hashCode() {
        return accountId.hashCode();
    }

    @Override
    public String toString() {
        return "SignedInUser[" + accountId + "]";
    }
}
