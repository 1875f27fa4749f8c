package org.rapport.accounts;

import java.io.Serial;
import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused without looking at the password, because too many attempts failed. It never
 * says whether the sign-in name or the address was counted, nor whether the name exists.
 */
final class SignInPaused extends AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    SignInPaused(Duration retryAfter) {
        super("sign-in is paused after too many failed attempts");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds until an attempt may be made again, rounded up. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Whole minutes until an attempt may be made again, rounded up, for people. */
    long retryAfterMinutes() {
        return Math.max(1, (retryAfterSeconds() + 59) / 60);
    }
}
