package org.rapport.measures;

import org.rapport.shared.RuleBroken;

/**
 * Refuses a client's link that is unknown, expired, already used, revoked or from another
 * organisation. The message is the same for all of them, so it reveals nothing.
 */
public class LinkNotUsable extends RuleBroken {

    private static final long serialVersionUID = 1L;

    public static final String MESSAGE = "This link can no longer be used. Please ask the person who sent it for a new one.";

    public LinkNotUsable() {
        super(MESSAGE);
    }
}
