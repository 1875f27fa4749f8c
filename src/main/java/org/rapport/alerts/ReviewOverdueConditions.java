package org.rapport.alerts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.rapport.relationships.RelationshipManagement;
import org.springframework.stereotype.Component;

/**
 * Agreement review overdue: an open relationship whose working agreement's review date (the
 * accepted revision's, or the latest one's while none is accepted) has passed, as the caseload
 * reads it. Each review date is its own episode.
 */
@Component
class ReviewOverdueConditions implements AlertConditions {

    static final String POLICY = "Agreement review overdue";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final RelationshipManagement relationships;

    ReviewOverdueConditions(RelationshipManagement relationships) {
        this.relationships = relationships;
    }

    @Override
    public List<Condition> conditionsOn(LocalDate today) {
        return relationships.openRelationshipsInScope().stream()
                .filter(r -> r.nextReviewOn() != null && today.isAfter(r.nextReviewOn()))
                .map(r -> new Condition(r.id(), r.clientPartyId(), AlertKind.REVIEW_OVERDUE, POLICY,
                        "The working agreement was due for review on " + DAY.format(r.nextReviewOn())
                                + ". Review it with the client and record the new revision.",
                        "review-on:" + r.nextReviewOn()))
                .toList();
    }
}
