package org.rapport.accounts;

/** What the person who opens a working reset link is shown. */
public record PasswordResetToUse(String username, String displayName, String organisationName) {
}
