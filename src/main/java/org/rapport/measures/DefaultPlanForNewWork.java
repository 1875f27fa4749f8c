package org.rapport.measures;

import java.util.List;
import org.rapport.relationships.RelationshipReferred;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A new relationship starts with the organisation's default measurement plan, in the referral's own
 * transaction, so the two stand or fall together. Its helpers change it from there.
 */
@Component
class DefaultPlanForNewWork {

    private final Administrations administrations;

    DefaultPlanForNewWork(Administrations administrations) {
        this.administrations = administrations;
    }

    @EventListener
    void on(RelationshipReferred referred) {
        List<PlanEntry> plan = administrations.defaultPlan();
        if (!plan.isEmpty()) administrations.replacePlan(referred.relationship(), plan);
    }
}
