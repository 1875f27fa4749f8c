package org.rapport.measures;

/** Who entered a completed administration's answers. */
public enum EnteredBy {
    CLIENT("the client, from a link"),
    HELPER("the helper, in a session");

    private final String label;

    EnteredBy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
