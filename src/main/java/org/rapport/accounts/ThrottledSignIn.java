package org.rapport.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.SignInLocked.By;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Sign-in by name and password, for both doors (the sign-in form and HTTP Basic), with the
 * {@link SignInThrottle} in front: while sign-in is paused for the name or the address, the
 * attempt is refused before the password is looked at, so even the right one does not get in.
 *
 * <p>When a failure begins a pause on a name that belongs to an account, {@link SignInLocked} is
 * published for the audit trail. A pause on a name without an account has no organisation to
 * record it in: it is logged, without the name or the address.
 */
final class ThrottledSignIn implements AuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(ThrottledSignIn.class);

    private final AuthenticationManager passwords;
    private final SignInThrottle throttle;
    private final SignInLimits limits;
    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;

    ThrottledSignIn(AccountManagement accounts, PasswordEncoder encoder, SignInThrottle throttle, SignInLimits limits,
            ApplicationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        // An unknown name fails as a wrong password does, after as long a hash (Spring Security's defaults).
        this.passwords = new ProviderManager(provider);
        this.throttle = throttle;
        this.limits = limits;
        this.accounts = accounts;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String name = SignInThrottle.key(attempt.getName());
        String address = addressOf(attempt);
        var pause = throttle.pausedFor(name, address);
        if (pause.isPresent()) {
            throw new SignInPaused(pause.get());
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            throttle.succeeded(name);
            return signedIn;
        } catch (BadCredentialsException | AccountStatusException failed) {
            SignInThrottle.Failure counted = throttle.failed(name, address);
            recordFailure(name, failed instanceof BadCredentialsException ? "Sign-in failed: wrong password"
                    : "Sign-in refused: the account is not active");
            if (counted.accountPausedUntil() != null) {
                paused(name, By.ACCOUNT, limits.accountAttempts(), counted.accountPausedUntil());
            }
            if (counted.addressPausedUntil() != null) {
                log.warn("Sign-in from one client address is paused until {} after {} failed attempts",
                        counted.addressPausedUntil(), limits.addressAttempts());
                paused(name, By.ADDRESS, limits.addressAttempts(), counted.addressPausedUntil());
            }
            throw failed;
        }
    }

    /**
     * A failure with an account's sign-in name, for its organisation's audit trail; none for a name
     * without an account. Bounded by the throttle: after a few, sign-in pauses, and that is recorded once.
     */
    private void recordFailure(String name, String what) {
        try {
            accounts.signInAccount(name).ifPresent(account -> events.publishEvent(
                    new SignInRecorded(account.accountId(), account.organisationId(), what)));
        } catch (RuntimeException e) {
            // The person signing in still gets the answer for their attempt.
            log.error("Could not record a failed sign-in in the audit trail: {}", e.getClass().getSimpleName());
        }
    }

    private void paused(String name, By by, int attempts, Instant until) {
        var account = accounts.signInAccount(name);
        if (account.isEmpty()) {
            if (by == By.ACCOUNT) {
                log.warn("Sign-in is paused until {} for a sign-in name that has no account, after {} failed attempts",
                        until, attempts);
            }
            return;
        }
        try {
            events.publishEvent(new SignInLocked(account.get().accountId(), account.get().organisationId(), by,
                    attempts, until));
        } catch (RuntimeException e) {
            // The pause holds whatever happens; the person signing in still gets the answer for their attempt.
            log.error("Could not record a sign-in pause in the audit trail: {}", e.getClass().getSimpleName());
        }
    }

    private static @Nullable String addressOf(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
