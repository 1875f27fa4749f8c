package org.rapport.accounts;

/** A reset link that opens nothing: unknown, used, replaced by a newer one, or more than an hour old. One answer for all. */
public class ResetLinkNotUsable extends RuntimeException {

    public static final String MESSAGE = "This link to choose a new password no longer works: it has been used, replaced by"
            + " a newer one, or is more than an hour old. Ask for a new one from the sign-in page.";

    public ResetLinkNotUsable() {
        super(MESSAGE);
    }
}
