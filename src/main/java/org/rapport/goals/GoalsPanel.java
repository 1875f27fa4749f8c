package org.rapport.goals;

import java.util.Map;
import org.rapport.relationships.RelationshipInfo;
import org.rapport.relationships.RelationshipPanel;
import org.springframework.stereotype.Component;

/** The goals section of the relationship page: the T-score and its history, and each goal as it stands. */
@Component
class GoalsPanel implements RelationshipPanel {

    private final GoalManagement goals;

    GoalsPanel(GoalManagement goals) {
        this.goals = goals;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String template() {
        return "goals/panel";
    }

    @Override
    public Map<String, Object> data(RelationshipInfo relationship) {
        return Map.of("goals", goals.goalsOf(relationship.id()), "open", relationship.isOpen());
    }
}
