package org.rapport.accounts;

import java.io.Serial;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A sign-in whose password has matched but whose second factor has not been given yet (or must
 * first be set up). It carries none of the person's roles, so it reaches nothing but the second
 * step's own pages, and its principal is not a {@link SignedInUser}, so no module takes it for
 * the person. The full sign-in waits inside it until the code matches.
 */
final class SecondFactorPending extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The one authority a pending sign-in holds (as a role, for the access rules). */
    static final String ROLE = "SECOND_FACTOR_PENDING";

    private final Authentication password;
    private final boolean settingUp;

    SecondFactorPending(Authentication password, boolean settingUp) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        this.password = password;
        this.settingUp = settingUp;
        setAuthenticated(true);
    }

    SignedInUser user() {
        return (SignedInUser) password.getPrincipal();
    }

    Authentication signedIn() {
        return password;
    }

    boolean settingUp() {
        return settingUp;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return user().getUsername();
    }
}
