package org.rapport.setup;

import org.jspecify.annotations.Nullable;

/**
 * First-run setup could not go ahead, for a reason written for whoever sets Rapport up: which
 * variable is missing, or why the password was refused. It names the form field it is about, if
 * one, and never carries the password itself.
 */
public class SetupRefused extends RuntimeException {

    private final @Nullable String field;

    SetupRefused(String message) {
        this(null, message);
    }

    SetupRefused(@Nullable String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field of {@link FirstOrganisation} the refusal is about, or null when it is about the whole. */
    public @Nullable String field() {
        return field;
    }
}
