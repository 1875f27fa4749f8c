package org.rapport.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An invitation as an admin sees it: whom, by whom, when it was last sent and until when its link works. */
public record InvitationView(String username, String displayName, String invitedBy, Instant invitedAt, Instant sentAt,
        Instant expiresAt, int timesSent, @Nullable Instant acceptedAt, @Nullable Instant withdrawnAt, boolean expired) {

    /** Sent, neither used nor withdrawn, and still in time. */
    public boolean pending() {
        return acceptedAt == null && withdrawnAt == null && !expired;
    }

    /** Can be sent again: not yet used (it may have run out of time or been withdrawn). */
    public boolean resendable() {
        return acceptedAt == null;
    }
}
