package org.rapport.accounts;

import java.time.Instant;
import org.rapport.shared.OrganisationId;

/** An invitation was sent (or sent again), withdrawn or accepted; for the audit trail. */
public record InvitationEvent(AccountId account, OrganisationId organisation, What what, Instant at) {

    public enum What {
        SENT("Invitation sent by email; the link works for 72 hours"),
        SENT_AGAIN("Invitation sent again by email, with a new link for 72 hours; the earlier link no longer works"),
        WITHDRAWN("Invitation withdrawn; the link no longer works and the account cannot sign in"),
        ACCEPTED("Invitation accepted: the person chose their password");

        private final String detail;

        What(String detail) {
            this.detail = detail;
        }

        public String detail() {
            return detail;
        }
    }
}
