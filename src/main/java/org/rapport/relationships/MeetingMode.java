package org.rapport.relationships;

/** How the helper and client meet. */
public enum MeetingMode {
    IN_PERSON("In person"), VIDEO("Video"), PHONE("Phone");

    private final String label;

    MeetingMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
