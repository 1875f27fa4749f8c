package org.rapport.accounts;

import java.time.Instant;
import org.rapport.shared.OrganisationId;

/**
 * An operator opened, suspended or reopened an organisation; written to that organisation's own
 * audit trail too, so its admins can see who did it.
 */
public record OperatorActed(OrganisationId organisation, String operator, String what, Instant at) {
}
