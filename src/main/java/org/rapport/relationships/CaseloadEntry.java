package org.rapport.relationships;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One relationship as the caseload lists it.
 *
 * @param alerts the labels of its open alerts, most urgent first
 * @param alertUrgency the urgency of its most urgent open alert (lower is more urgent), or null when none is open
 */
public record CaseloadEntry(RelationshipId id, String clientPartyName, String clientPartyKind, String leadHelperName,
        RelationshipStatus status, Urgency urgency, String modelName, String phaseName, int phaseNumber, int phaseCount,
        @Nullable LocalDate nextReviewOn, boolean reviewOverdue, boolean awaitingAcceptance,
        @Nullable LocalDate lastContactOn, LocalDate referredOn, boolean lapsing, @Nullable String lapsingBecause,
        boolean mayChange, List<String> alerts, @Nullable Integer alertUrgency) {

    public CaseloadEntry {
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    public boolean hasAlerts() {
        return alertUrgency != null;
    }
}
