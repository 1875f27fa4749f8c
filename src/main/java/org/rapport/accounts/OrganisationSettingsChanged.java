package org.rapport.accounts;

import java.time.Instant;
import java.util.List;
import org.rapport.shared.OrganisationId;

/** An admin changed the organisation's settings; which ones, never their values. For the audit trail. */
public record OrganisationSettingsChanged(OrganisationId organisation, AccountId admin, List<String> changed, Instant at) {

    public OrganisationSettingsChanged {
        changed = List.copyOf(changed);
    }
}
