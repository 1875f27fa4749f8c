package org.rapport.relationships;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One relationship as the caseload lists it. */
public record CaseloadEntry(RelationshipId id, String clientPartyName, String clientPartyKind, String leadHelperName,
        RelationshipStatus status, Urgency urgency, String modelName, String phaseName, int phaseNumber, int phaseCount,
        @Nullable LocalDate nextReviewOn, boolean reviewOverdue, boolean awaitingAcceptance,
        @Nullable LocalDate lastContactOn, LocalDate referredOn, boolean lapsing, @Nullable String lapsingBecause,
        boolean mayChange) {
}
