package org.rapport.alerts;

/** What an alert is about, most urgent first: the caseload ranks open alerts by {@link #urgency()}. */
public enum AlertKind {

    RISK("Risk item endorsed", 0),
    NOT_ON_TRACK("Not on track", 1),
    ALLIANCE_SLIPPING("Alliance slipping", 2),
    LAPSING("Lapsing", 3),
    REVIEW_OVERDUE("Agreement review overdue", 4);

    private final String label;
    private final int urgency;

    AlertKind(String label, int urgency) {
        this.label = label;
        this.urgency = urgency;
    }

    /** How pages and the timeline name the kind. */
    public String label() {
        return label;
    }

    /**
     * Closing the relationship answers alerts of this kind, so they are acknowledged when it ends
     * (lapsing, agreement review overdue). Never risk, not on track or alliance slipping: a person
     * must acknowledge those with what they did. See {@link ClosingListener}.
     */
    public boolean answeredByClosing() {
        return this == LAPSING || this == REVIEW_OVERDUE;
    }

    /** Lower is more urgent: risk 0, not on track 1, alliance slipping 2, lapsing 3, agreement review overdue 4. */
    public int urgency() {
        return urgency;
    }
}
