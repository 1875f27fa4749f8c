package org.rapport.accounts;

import org.rapport.shared.OrganisationId;

/**
 * An interactive sign-in to an account of an organisation was completed or failed, for its audit
 * trail: "Signed in with a password and a second factor", "Sign-in failed: wrong password". The
 * HTTP API's calls, each signed in on its own, are not among them; their failures are.
 */
public record SignInRecorded(AccountId account, OrganisationId organisation, String what) {
}
