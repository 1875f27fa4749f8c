package org.rapport.accounts;

import java.time.Instant;
import org.rapport.shared.OrganisationId;

/**
 * An organisation admin lifted the pause on an account's sign-in, so its failed attempts count
 * from zero again. {@code wasPaused} says whether sign-in was paused at that moment.
 */
public record SignInUnlocked(AccountId account, OrganisationId organisation, boolean wasPaused, Instant at) {
}
