package org.rapport.measures;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.rapport.audit.AuditTrail;
import org.rapport.relationships.RelationshipInfo;
import org.rapport.relationships.RelationshipPanel;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The measures section of the relationship page: send a link or enter answers for PHQ-9, GAD-7 or
 * the check-in, and each instrument's scores with the change from the first to the latest.
 */
@Component
class MeasuresPanel implements RelationshipPanel {

    private final MeasureManagement measures;
    private final AuditTrail audit;
    private final Clock clock;

    MeasuresPanel(MeasureManagement measures, AuditTrail audit, Clock clock) {
        this.measures = measures;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public String template() {
        return "measures/panel";
    }

    @Override
    @Transactional
    public Map<String, Object> data(RelationshipInfo relationship) {
        List<ScoreView> scores = measures.views(relationship.id());
        audit.read(MeasureManagement.RECORD, relationship.id().value(), relationship.clientPartyId(),
                "read the measures' scores");
        return Map.of("relationshipId", relationship.id().value(), "instruments", measures.instruments(), "scores", scores,
                "outcome", TalkingTherapiesView.of(scores),
                "mayGive", relationship.mayChange() && relationship.isOpen(), "zone", clock.getZone(),
                "plan", measures.planSummaryOf(relationship.id()));
    }
}
