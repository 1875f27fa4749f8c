package org.rapport.alerts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapport.relationships.CaseloadSignals;
import org.rapport.relationships.RelationshipId;
import org.springframework.stereotype.Component;

/**
 * Tells the caseload which relationships have open alerts and how urgent the most urgent is, so
 * those come first. The caseload has already chosen the relationships the person sees.
 */
@Component
class AlertSignals implements CaseloadSignals {

    private final Alerts alerts;

    AlertSignals(Alerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public Map<RelationshipId, Signal> signalsFor(Collection<RelationshipId> relationships) {
        Map<RelationshipId, List<AlertKind>> open = new LinkedHashMap<>();
        // Most urgent first, so the first kind of each relationship is its most urgent.
        for (AlertView alert : alerts.openOf(relationships)) {
            List<AlertKind> kinds = open.computeIfAbsent(alert.relationship(), r -> new ArrayList<>());
            if (!kinds.contains(alert.kind())) kinds.add(alert.kind());
        }
        Map<RelationshipId, Signal> signals = new HashMap<>();
        open.forEach((relationship, kinds) -> signals.put(relationship, new Signal(null, false, null,
                kinds.stream().map(AlertKind::label).toList(), kinds.get(0).urgency())));
        return signals;
    }
}
