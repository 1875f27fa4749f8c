package org.rapport.measures;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.rapport.relationships.RelationshipInfo;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.sessions.SessionInfo;
import org.rapport.sessions.SessionPanel;
import org.springframework.stereotype.Component;

/**
 * The measures section of the session page: what the measurement plan calls for at this session,
 * each with "Enter answers now" and "Send a link", and which of them were already answered here.
 */
@Component
class MeasuresSessionPanel implements SessionPanel {

    private final MeasureManagement measures;
    private final Administrations administrations;
    private final RelationshipManagement relationships;

    MeasuresSessionPanel(MeasureManagement measures, Administrations administrations, RelationshipManagement relationships) {
        this.measures = measures;
        this.administrations = administrations;
        this.relationships = relationships;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public String template() {
        return "measures/session-panel";
    }

    @Override
    public Map<String, Object> data(SessionInfo session) {
        SessionMeasures due = measures.dueAtSessionOf(session.id());
        RelationshipInfo relationship = relationships.describe(session.relationship());
        Set<String> answeredHere = administrations.completedOf(session.relationship()).stream()
                .filter(row -> session.id().value().equals(row.sessionId()))
                .map(Administrations.Row::instrumentKey).collect(Collectors.toSet());
        Map<String, Object> data = new HashMap<>();
        data.put("relationshipId", session.relationship().value());
        data.put("sessionId", session.id().value());
        data.put("sessionNumber", due.sessionNumber());
        data.put("due", due.due());
        data.put("answeredHere", answeredHere);
        data.put("mayGive", session.mayChange() && relationship.isOpen());
        return data;
    }
}
