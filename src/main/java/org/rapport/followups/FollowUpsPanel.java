package org.rapport.followups;

import java.util.Map;
import org.rapport.relationships.RelationshipInfo;
import org.rapport.relationships.RelationshipPanel;
import org.springframework.stereotype.Component;

/** The follow-ups section of the relationship page: each check-in with its date, and "Create the link" once due. */
@Component
class FollowUpsPanel implements RelationshipPanel {

    private final FollowUpManagement followUps;

    FollowUpsPanel(FollowUpManagement followUps) {
        this.followUps = followUps;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String template() {
        return "followups/panel";
    }

    @Override
    public Map<String, Object> data(RelationshipInfo relationship) {
        var list = followUps.followUpsOf(relationship.id());
        return Map.of("followUps", list, "relationship", relationship.id(), "mayChange", relationship.mayChange(),
                "show", !list.isEmpty());
    }
}
