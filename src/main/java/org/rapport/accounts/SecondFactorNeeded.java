package org.rapport.accounts;

import java.io.Serial;
import org.springframework.security.core.AuthenticationException;

/**
 * The password matched, but this account signs in with a second factor (or must set one up), which
 * HTTP Basic cannot carry: the API is reached with a personal API token instead.
 */
final class SecondFactorNeeded extends AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    SecondFactorNeeded() {
        super("this account signs in with a second factor");
    }
}
