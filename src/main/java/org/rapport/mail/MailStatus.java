package org.rapport.mail;

/** What became of a message: waiting to be sent (perhaps after failed tries), sent, or given up on. */
public enum MailStatus {
    QUEUED("Waiting to be sent"),
    SENT("Sent"),
    FAILED("Not sent");

    private final String label;

    MailStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
