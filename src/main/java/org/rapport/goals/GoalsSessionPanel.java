package org.rapport.goals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rapport.sessions.SessionInfo;
import org.rapport.sessions.SessionPanel;
import org.springframework.stereotype.Component;

/** The goals section of the session page: each active goal with a −2 … +2 choice, rated in one form. */
@Component
class GoalsSessionPanel implements SessionPanel {

    private final GoalManagement goals;

    GoalsSessionPanel(GoalManagement goals) {
        this.goals = goals;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String template() {
        return "goals/session-panel";
    }

    @Override
    public Map<String, Object> data(SessionInfo session) {
        List<GoalView> active = goals.activeGoals(session.relationship());
        // The level each goal was already given in this session, if any.
        Map<String, String> ratedHere = new HashMap<>();
        active.forEach(g -> g.ratings().stream().filter(r -> session.id().value().equals(r.sessionId())).findFirst()
                .ifPresent(r -> ratedHere.put(g.id().toString(), r.label())));
        return Map.of("session", session, "goals", active, "ratedHere", ratedHere,
                "mayRate", session.mayChange() && active.stream().anyMatch(g -> !ratedHere.containsKey(g.id().toString())));
    }
}
