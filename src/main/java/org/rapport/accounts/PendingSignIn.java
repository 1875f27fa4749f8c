package org.rapport.accounts;

/** Someone between their password and their second factor, as the second step's pages show them. */
public record PendingSignIn(String displayName, boolean settingUp) {
}
