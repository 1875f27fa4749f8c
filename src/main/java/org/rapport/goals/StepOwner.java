package org.rapport.goals;

/** Who takes an action step. */
public enum StepOwner {
    CLIENT("The client"),
    HELPER("The helper");

    private final String label;

    StepOwner(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
