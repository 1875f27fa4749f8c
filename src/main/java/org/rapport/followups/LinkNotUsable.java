package org.rapport.followups;

import org.rapport.shared.RuleBroken;

/**
 * Refuses a follow-up or reconnect link that is unknown, forged, expired, already used or from
 * another organisation. The message is the same for all of them, so it reveals nothing.
 */
public class LinkNotUsable extends RuleBroken {

    private static final long serialVersionUID = 1L;

    public static final String MESSAGE = "This link can no longer be used.";

    public LinkNotUsable() {
        super(MESSAGE);
    }
}
