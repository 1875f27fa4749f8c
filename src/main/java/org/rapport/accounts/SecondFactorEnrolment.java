package org.rapport.accounts;

/**
 * A second factor being set up: the secret the person's authenticator app takes, as a QR code
 * (a {@code data:} PNG) and as text to type in, and the {@code otpauth:} address both carry.
 * Nothing is stored until a code from the app confirms it.
 */
public record SecondFactorEnrolment(String secret, String otpauthUri, String qrCodeDataUri) implements java.io.Serializable {

    /** The secret in groups of four, easier to type into an app by hand. */
    public String secretForTyping() {
        return secret.replaceAll("(.{4})(?=.)", "$1 ");
    }

    @Override
    public String toString() {
        return "SecondFactorEnrolment[secret not shown]";
    }
}
