package org.rapport.accounts;

import java.time.Instant;
import org.rapport.shared.OrganisationId;

/**
 * Sign-in to an account was paused after too many failed attempts: attempts with its sign-in name,
 * or attempts from one client address that ended with this account's name. Until {@code until},
 * even the right password is refused; the pause then ends by itself, or earlier when an admin
 * unlocks the account ({@link SignInUnlocked}).
 */
public record SignInLocked(AccountId account, OrganisationId organisation, By by, int failedAttempts, Instant until) {

    /** Which count ran out: the sign-in name's, or the client address's. */
    public enum By { ACCOUNT, ADDRESS }
}
