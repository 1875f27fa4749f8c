package org.rapport.accounts;

import java.time.Instant;
import org.rapport.shared.OrganisationId;

/**
 * An organisation admin deactivated an account (someone who has left): no more sign-in, its
 * sessions ended and {@code revokedTokens} API tokens revoked. Its history stays, still attributed to it.
 */
public record AccountDeactivated(AccountId account, OrganisationId organisation, int revokedTokens, Instant at) {
}
