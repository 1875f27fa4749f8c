package org.rapport.accounts;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Spring Security's view of an operator: someone who runs this Rapport for its organisations and
 * belongs to none of them. It carries no organisation, so no organisation is ever put in scope for
 * an operator's request, and row-level security shows them no organisation's rows.
 */
final class SignedInOperator implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String ROLE = "OPERATOR";

    private final UUID operatorId;
    private final String username;
    private @Nullable String passwordHash;
    private final String displayName;
    private final boolean enabled;

    SignedInOperator(UUID operatorId, String username, String passwordHash, String displayName, boolean enabled) {
        this.operatorId = operatorId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.enabled = enabled;
    }

    CurrentOperator asCurrentOperator() {
        return new CurrentOperator(operatorId, username, displayName);
    }

    public String getDisplayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + ROLE));
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
        return other instanceof SignedInOperator that && that.operatorId.equals(operatorId);
    }

    @Override
    public int hashCode() {
        return operatorId.hashCode();
    }

    @Override
    public String toString() {
        return "SignedInOperator[" + operatorId + "]";
    }
}
