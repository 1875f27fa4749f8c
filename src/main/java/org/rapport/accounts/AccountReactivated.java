package org.rapport.accounts;

import java.time.Instant;
import org.rapport.shared.OrganisationId;

/** An organisation admin reactivated an account; its person signs in again with their password. */
public record AccountReactivated(AccountId account, OrganisationId organisation, Instant at) {
}
