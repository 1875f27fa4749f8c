package org.rapport.health;

import java.time.Clock;
import java.util.Map;
import org.rapport.goals.GoalManagement;
import org.rapport.measures.MeasureManagement;
import org.rapport.processmodels.ProcessModel;
import org.rapport.processmodels.ProcessModels;
import org.rapport.relationships.RelationshipInfo;
import org.rapport.relationships.RelationshipPanel;
import org.rapport.sessions.SessionManagement;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The relationship-health panel, near the top of the relationship page: outcome trajectories,
 * check-ins, the goal attainment T-score, attendance and the phase, together. Each module it reads
 * from audits the read as it always does, all in one transaction.
 */
@Component
class HealthPanel implements RelationshipPanel {

    private final GoalManagement goals;
    private final SessionManagement sessions;
    private final MeasureManagement measures;
    private final ProcessModels models;
    private final Clock clock;

    HealthPanel(GoalManagement goals, SessionManagement sessions, MeasureManagement measures, ProcessModels models,
            Clock clock) {
        this.goals = goals;
        this.sessions = sessions;
        this.measures = measures;
        this.models = models;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 8;
    }

    @Override
    public String template() {
        return "health/panel";
    }

    @Override
    @Transactional
    public Map<String, Object> data(RelationshipInfo relationship) {
        return Map.of("health", view(relationship));
    }

    HealthView view(RelationshipInfo relationship) {
        int phaseCount = models.find(relationship.processModelKey()).map(ProcessModel::phaseCount)
                .orElse(relationship.phaseIndex() + 1);
        var phase = new HealthView.PhaseProgress(relationship.phaseIndex() + 1, phaseCount, relationship.phaseName());
        return HealthView.of(phase, goals.goalsOf(relationship.id()).tScoreHistory(),
                sessions.sessionsOf(relationship.id()), measures.scoresOf(relationship.id()), measures.instruments(),
                clock.getZone());
    }
}
