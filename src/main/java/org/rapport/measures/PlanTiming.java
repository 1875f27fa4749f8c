package org.rapport.measures;

/** When an instrument in a relationship's measurement plan is given. */
public enum PlanTiming {
    FIRST_SESSION("At the first session"),
    EVERY_SESSION("Every session"),
    EVERY_N_SESSIONS("Every few sessions"),
    AT_ENDING("At the ending"),
    AT_FOLLOW_UP("At follow-ups");

    private final String label;

    PlanTiming(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
