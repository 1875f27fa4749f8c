package org.rapport.sessions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.relationships.CaseloadSignals;
import org.rapport.relationships.RelationshipId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Tells the caseload the day of the last session held, and which relationships are lapsing ({@link LapsingPolicy}). */
@Component
class SessionSignals implements CaseloadSignals {

    private final Sessions sessions;
    private final LapsingPolicy policy;
    private final Clock clock;

    SessionSignals(Sessions sessions, Clock clock, @Value("${rapport.sessions.lapsing-after-weeks:4}") int lapsingAfterWeeks) {
        this.sessions = sessions;
        this.clock = clock;
        this.policy = new LapsingPolicy(lapsingAfterWeeks);
    }

    @Override
    public Map<RelationshipId, Signal> signalsFor(Collection<RelationshipId> relationships) {
        Map<RelationshipId, Signal> signals = new HashMap<>();
        if (relationships.isEmpty()) return signals;
        LocalDate today = LocalDate.now(clock);
        List<UUID> ids = relationships.stream().map(RelationshipId::value).distinct().toList();
        Map<UUID, List<SessionOutcome>> recent = sessions.recentOutcomes(ids, today);
        Map<UUID, LocalDate> lastAttended = sessions.lastAttended(ids);
        for (UUID id : ids) {
            if (!recent.containsKey(id) && !lastAttended.containsKey(id)) continue;
            signals.put(new RelationshipId(id), policy.assess(recent.getOrDefault(id, List.of()), lastAttended.get(id), today));
        }
        return signals;
    }
}
