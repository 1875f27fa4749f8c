package org.rapport.sessions;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.rapport.alerts.AlertConditions;
import org.rapport.alerts.AlertKind;
import org.rapport.relationships.CaseloadSignals.Signal;
import org.rapport.relationships.OpenRelationship;
import org.rapport.relationships.RelationshipManagement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lapsing as an alert for the daily sweep: the same {@link LapsingPolicy} the caseload shows, on
 * work under way (active or ending). An episode lasts until a new session is held: its key is the
 * day of the last session held.
 */
@Component
class LapsingConditions implements AlertConditions {

    static final String POLICY = "Lapsing";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final Sessions sessions;
    private final RelationshipManagement relationships;
    private final LapsingPolicy policy;

    LapsingConditions(Sessions sessions, RelationshipManagement relationships,
            @Value("${rapport.sessions.lapsing-after-weeks:4}") int lapsingAfterWeeks) {
        this.sessions = sessions;
        this.relationships = relationships;
        this.policy = new LapsingPolicy(lapsingAfterWeeks);
    }

    @Override
    public List<Condition> conditionsOn(LocalDate today) {
        List<OpenRelationship> underWay = relationships.openRelationshipsInScope().stream()
                .filter(r -> r.status().allowsPhaseMoves()).toList();
        List<Condition> conditions = new ArrayList<>();
        if (underWay.isEmpty()) return conditions;
        List<UUID> ids = underWay.stream().map(r -> r.id().value()).toList();
        Map<UUID, List<SessionOutcome>> recent = sessions.recentOutcomes(ids, today);
        Map<UUID, LocalDate> lastAttended = sessions.lastAttended(ids);
        for (OpenRelationship r : underWay) {
            UUID id = r.id().value();
            LocalDate last = lastAttended.get(id);
            Signal signal = policy.assess(recent.getOrDefault(id, List.of()), last, today);
            if (!signal.lapsing()) continue;
            String since = last == null ? "No session has been held yet" : "The last session held was on " + DAY.format(last);
            conditions.add(new Condition(r.id(), r.clientPartyId(), AlertKind.LAPSING, POLICY,
                    "Lapsing: " + signal.lapsingBecause() + ". " + since
                            + ". Reach out to the client and talk it over in supervision.",
                    "last-held:" + (last == null ? "none" : last.toString())));
        }
        return conditions;
    }
}
