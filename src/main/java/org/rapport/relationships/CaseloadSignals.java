package org.rapport.relationships;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A module that knows something the caseload should show about relationships: the last contact
 * with the client, whether the work is lapsing (sessions missed, or no contact for weeks), and the
 * open alerts that put it at the top. Declared here, implemented by the modules that know
 * (sessions, alerts).
 */
public interface CaseloadSignals {

    Map<RelationshipId, Signal> signalsFor(Collection<RelationshipId> relationships);

    /**
     * What one module says about one relationship.
     *
     * @param alerts the labels of its open alerts, most urgent first
     * @param mostUrgent the urgency of its most urgent open alert (lower is more urgent), or null when none is open
     */
    record Signal(@Nullable LocalDate lastContactOn, boolean lapsing, @Nullable String lapsingBecause,
            List<String> alerts, @Nullable Integer mostUrgent) {

        public Signal {
            alerts = alerts == null ? List.of() : List.copyOf(alerts);
        }
    }
}
