package org.rapport.relationships;

/** Why a relationship moves to another helper. */
public enum HandoverReason {
    LEAVING("The helper is leaving"),
    CASELOAD("Caseload"),
    BETTER_FIT("A better fit for the client"),
    OTHER("Other");

    private final String label;

    HandoverReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
