package org.rapport.relationships;

/** How the client told the helper they accept a revision of the working agreement. */
public enum AcceptanceMethod {
    IN_SESSION("Agreed in a session"),
    SIGNED("Signed a copy"),
    IN_WRITING("In writing (letter, email or message)"),
    BY_PHONE("By phone");

    private final String label;

    AcceptanceMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
