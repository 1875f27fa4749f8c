package org.rapport.accounts;

import java.time.Instant;
import org.rapport.shared.OrganisationId;

/** A password reset link was sent, at the person's request or an admin's, or used; for the audit trail. */
public record PasswordResetEvent(AccountId account, OrganisationId organisation, What what, Instant at) {

    public enum What {
        ASKED_FOR("Password reset link sent by email, as asked for on the sign-in page; it works for an hour"),
        SENT_BY_ADMIN("Password reset link sent by email by an admin; it works for an hour"),
        USED("Password reset from an emailed link; every signed-in session ended");

        private final String detail;

        What(String detail) {
            this.detail = detail;
        }

        public String detail() {
            return detail;
        }
    }
}
