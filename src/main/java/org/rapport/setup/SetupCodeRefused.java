package org.rapport.setup;

/** The setup page was opened without the setup code, with a wrong one, or with one already used. */
public class SetupCodeRefused extends RuntimeException {

    SetupCodeRefused() {
        super("The setup code is missing, wrong or already used.");
    }
}
