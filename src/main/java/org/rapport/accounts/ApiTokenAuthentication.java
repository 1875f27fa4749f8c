package org.rapport.accounts;

import java.io.Serial;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A call to the API made with a personal token: its person, and what the token may do. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final SignedInUser user;
    private final UUID token;
    private final ApiTokenScope scope;

    ApiTokenAuthentication(SignedInUser user, UUID token, ApiTokenScope scope) {
        super(user.getAuthorities());
        this.user = user;
        this.token = token;
        this.scope = scope;
        setAuthenticated(true);
    }

    ApiTokenScope scope() {
        return scope;
    }

    UUID token() {
        return token;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public SignedInUser getPrincipal() {
        return user;
    }
}
