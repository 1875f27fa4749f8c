package org.rapport.audit;

/** Whether an audit entry records a look at a client's record or a change to it. */
public enum AuditAction {
    READ("Read"), CHANGE("Change");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
