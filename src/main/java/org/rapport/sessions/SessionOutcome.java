package org.rapport.sessions;

/** What became of a session: still ahead, or what happened. */
public enum SessionOutcome {
    SCHEDULED("Scheduled"),
    ATTENDED("Attended"),
    CANCELLED_BY_CLIENT("Cancelled by the client"),
    CANCELLED_BY_HELPER("Cancelled by the helper"),
    DID_NOT_ATTEND("Did not attend");

    private final String label;

    SessionOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The session took place. */
    public boolean isHeld() {
        return this == ATTENDED;
    }

    /** Says something about the client's engagement (lapsing counts these): held, missed or called off by the client. */
    public boolean countsForEngagement() {
        return this == ATTENDED || this == DID_NOT_ATTEND || this == CANCELLED_BY_CLIENT;
    }

    /** Only these need the session's day to have come. */
    public boolean needsDayToHaveCome() {
        return this == ATTENDED || this == DID_NOT_ATTEND;
    }
}
