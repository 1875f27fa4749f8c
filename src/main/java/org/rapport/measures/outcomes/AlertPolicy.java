package org.rapport.measures.outcomes;

/**
 * A named rule that may raise an alert about a relationship. Each policy has its own inputs and
 * returns an {@link AlertReason} when it applies; {@link AlertPolicies} lists them all with their
 * published sources.
 */
public sealed interface AlertPolicy permits RiskItemEndorsed, RiskItemUnanswered, NotOnTrack, AllianceSlipping {

    /** The policy's name, as alerts, pages and the audit trail show it. */
    String name();

    /** Where the rule comes from, in one line. */
    String source();
}
