package org.rapport.followups;

/** Where a follow-up check-in stands: waiting for its date, due, a link sent to the client, answered. */
public enum FollowUpStatus {
    SCHEDULED("Scheduled"),
    DUE("Due"),
    LINK_SENT("Link created"),
    ANSWERED("Answered");

    private final String label;

    FollowUpStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String getLabel() {
        return label;
    }

    /** Whether the former helper may create a link for the client now. */
    public boolean mayCreateLink() {
        return this == DUE || this == LINK_SENT;
    }
}
