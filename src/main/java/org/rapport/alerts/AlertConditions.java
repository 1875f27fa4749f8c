package org.rapport.alerts;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.rapport.relationships.RelationshipId;

/**
 * A module that knows of conditions which last over days rather than arrive with an answer (a
 * relationship lapsing, its agreement review overdue), for the daily {@link AlertSweep} to raise as
 * alerts. Declared here, implemented by the modules that know (sessions; the alerts module itself
 * for agreement reviews). It runs with nobody signed in, in the organisation in scope.
 */
public interface AlertConditions {

    /** The conditions that hold today in the organisation in scope. */
    List<Condition> conditionsOn(LocalDate today);

    /**
     * One condition on one relationship.
     *
     * @param policy the policy's name, as the docs list it
     * @param reason the policy's plain wording; never client content
     * @param episode what makes this occurrence of the condition itself and no other (for lapsing the
     *        day of the last session held, for an overdue review the review date): once an alert is
     *        acknowledged, only a new episode raises another
     */
    record Condition(RelationshipId relationship, UUID clientPartyId, AlertKind kind, String policy, String reason,
            String episode) {
    }
}
