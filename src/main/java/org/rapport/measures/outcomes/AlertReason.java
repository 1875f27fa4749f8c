package org.rapport.measures.outcomes;

/**
 * Why a policy raised an alert: the policy's name and a plain-words reason a helper can act on.
 * The reason names the measure, the rule and the session number at most; it never carries a
 * client's answers, scores or words, so it may go into the audit trail and notifications.
 */
public record AlertReason(String policy, String reason) {

    public AlertReason {
        if (policy == null || policy.isBlank()) throw new IllegalArgumentException("An alert reason needs its policy's name.");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("An alert reason needs the reason in words.");
    }
}
