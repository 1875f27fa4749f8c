package org.rapport.accounts;

import org.rapport.shared.OrganisationId;

/** A second factor was set up, removed, reset by an admin, or a recovery code was used; for the audit trail. */
public record SecondFactorChanged(OrganisationId organisation, AccountId account, String what) {
}
