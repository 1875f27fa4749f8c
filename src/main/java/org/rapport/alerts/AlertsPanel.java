package org.rapport.alerts;

import java.util.List;
import java.util.Map;
import org.rapport.relationships.RelationshipInfo;
import org.rapport.relationships.RelationshipPanel;
import org.springframework.stereotype.Component;

/** The alerts at the top of the relationship page: open ones to acknowledge, then those acknowledged. */
@Component
class AlertsPanel implements RelationshipPanel {

    private final AlertManagement alerts;

    AlertsPanel(AlertManagement alerts) {
        this.alerts = alerts;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public String template() {
        return "alerts/panel";
    }

    @Override
    public Map<String, Object> data(RelationshipInfo relationship) {
        List<AlertView> all = alerts.alertsOf(relationship.id());
        return Map.of("relationship", relationship.id().value(),
                "open", all.stream().filter(a -> !a.acknowledged()).toList(),
                "acknowledged", all.stream().filter(AlertView::acknowledged).toList(),
                "mayAcknowledge", alerts.mayAcknowledge(relationship),
                "maxLength", AlertManagement.WHAT_WAS_DONE_MAX);
    }
}
