package org.rapport.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.OrganisationId;

/**
 * An organisation on this Rapport as its operator sees it: its name, when and by whom it was
 * opened, whether it is suspended, and how many staff sign in to it. Counts only.
 */
public record HostedOrganisation(OrganisationId id, String name, Instant openedAt, @Nullable String openedBy,
        @Nullable Instant suspendedAt, @Nullable String suspendedBy, int staffAccounts, int invitationsWaiting) {

    public boolean suspended() {
        return suspendedAt != null;
    }
}
