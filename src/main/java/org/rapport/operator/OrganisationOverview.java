package org.rapport.operator;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.HostedOrganisation;

/**
 * An organisation as its operator sees it: who opened it and when, whether it is suspended, and
 * how many staff accounts, waiting invitations, active helpers, client parties and open
 * relationships it has. Numbers only: nothing here names a client.
 */
public record OrganisationOverview(String id, String name, Instant openedAt, @Nullable String openedBy,
        boolean suspended, @Nullable Instant suspendedAt, @Nullable String suspendedBy, int staffAccounts,
        int invitationsWaiting, int activeHelpers, int clientParties, long openRelationships) {

    static OrganisationOverview of(HostedOrganisation hosted, int activeHelpers, int clientParties, long openRelationships) {
        return new OrganisationOverview(hosted.id().toString(), hosted.name(), hosted.openedAt(), hosted.openedBy(),
                hosted.suspended(), hosted.suspendedAt(), hosted.suspendedBy(), hosted.staffAccounts(),
                hosted.invitationsWaiting(), activeHelpers, clientParties, openRelationships);
    }
}
