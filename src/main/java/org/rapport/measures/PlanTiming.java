package org.rapport.measures;

import org.jspecify.annotations.Nullable;

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

    /** How the timing reads after an instrument's name in a one-line plan: "every session", "every 4 sessions". */
    public String phrase(@Nullable Integer every) {
        return switch (this) {
            case FIRST_SESSION -> "at the first session";
            case EVERY_SESSION -> "every session";
            case EVERY_N_SESSIONS -> every == null ? "every few sessions" : "every " + every + " sessions";
            case AT_ENDING -> "at the ending";
            case AT_FOLLOW_UP -> "at follow-ups";
        };
    }
}
