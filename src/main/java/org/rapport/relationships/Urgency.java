package org.rapport.relationships;

/** How soon the referrer asks for the person to be seen. */
public enum Urgency {
    ROUTINE("Routine"), SOON("Soon"), URGENT("Urgent");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
