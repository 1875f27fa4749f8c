package org.rapport.endings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rapport.relationships.CaseloadSignals;
import org.rapport.relationships.RelationshipId;
import org.rapport.sessions.SessionManagement;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tells the caseload which relationships have lapsed long enough ({@link LapsedPolicy}) to be
 * closed as unplanned. Asked first, so its words stand over the shorter lapsing of sessions; the
 * caseload shows lapsing only for work under way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EndingSignals implements CaseloadSignals {

    static final String PROMPT = "no attended session for %d weeks; close it as unplanned?";

    private final SessionManagement sessions;
    private final LapsedPolicy lapsed;
    private final Clock clock;

    EndingSignals(SessionManagement sessions, LapsedPolicy lapsed, Clock clock) {
        this.sessions = sessions;
        this.lapsed = lapsed;
        this.clock = clock;
    }

    @Override
    public Map<RelationshipId, Signal> signalsFor(Collection<RelationshipId> relationships) {
        Map<RelationshipId, Signal> signals = new HashMap<>();
        if (relationships.isEmpty()) return signals;
        LocalDate today = LocalDate.now(clock);
        sessions.lastAttended(relationships).forEach((id, last) -> {
            if (lapsed.isLapsed(last, today)) {
                signals.put(id, new Signal(null, true, PROMPT.formatted(ChronoUnit.WEEKS.between(last, today)), List.of(), null));
            }
        });
        return signals;
    }
}
