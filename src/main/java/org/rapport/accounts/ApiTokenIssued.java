package org.rapport.accounts;

import java.util.UUID;
import org.rapport.shared.OrganisationId;

/** A person issued (or revoked, {@code revoked}) one of their API tokens; for the audit trail. */
public record ApiTokenIssued(OrganisationId organisation, AccountId account, UUID token, String name,
        ApiTokenScope scope, boolean revoked) {
}
