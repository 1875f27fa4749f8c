package org.rapport.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.OrganisationId;

/** One thing an operator did or looked at, for the installation's own audit trail. */
public record OperatorAuditEntry(Instant happenedAt, String operator, String action,
        @Nullable OrganisationId organisation, String detail, String remoteAddress) {
}
