package org.rapport.accounts;

/** What a person may do in Rapport. A person may hold several roles (a supervisor usually also helps). */
public enum Role {
    /** Runs the organisation's Rapport: people, teams, process models, audit; sees every relationship. */
    ADMIN("Organisation admin"),
    /** Sees the relationships of the helpers they supervise. */
    SUPERVISOR("Supervisor"),
    /** Works with clients; sees the relationships they are a party to. */
    HELPER("Helper"),
    /** A person being helped (pages for clients arrive later). */
    CLIENT("Client");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
