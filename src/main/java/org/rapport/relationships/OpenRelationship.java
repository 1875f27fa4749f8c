package org.rapport.relationships;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A relationship not yet ended, as background work sees it: its status and the next review date
 * of its working agreement (the accepted revision's, or the latest one's while none is accepted).
 */
public record OpenRelationship(RelationshipId id, UUID clientPartyId, RelationshipStatus status,
        @Nullable LocalDate nextReviewOn) {
}
