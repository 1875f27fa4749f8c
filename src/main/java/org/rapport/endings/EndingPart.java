package org.rapport.endings;

/** The four parts of a planned ending, in the order they are worked through. */
public enum EndingPart {
    GAINS("The gains made"),
    WHY_IT_ENDS("Why it ends"),
    CONFIDENCE("Confidence moving forward"),
    OPEN_DOOR("The open door");

    private final String label;

    EndingPart(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
