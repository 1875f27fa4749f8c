package org.rapport.accounts;

/**
 * An invitation link that does not open anything: unknown, already used, withdrawn, replaced by a
 * newer one, or more than 72 hours old. One answer for all, so a link says nothing about others.
 */
public class InvitationLinkNotUsable extends RuntimeException {

    public static final String MESSAGE = "This invitation link no longer works: it has been used, replaced by a newer one,"
            + " withdrawn, or is more than 72 hours old. Ask an admin of your organisation to send you a new invitation.";

    public InvitationLinkNotUsable() {
        super(MESSAGE);
    }
}
