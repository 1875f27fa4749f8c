package org.rapport.followups;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.rapport.relationships.RelationshipId;

/**
 * A follow-up check-in as staff see it: when it falls due, the short measure it carries, where it
 * stands, and once answered whether the client asked to get back in touch and the new relationship
 * that opened. The client's answers stay with their measure.
 */
public record FollowUpView(FollowUpId id, RelationshipId relationship, LocalDate dueOn, @Nullable String instrumentKey,
        @Nullable String instrumentName, FollowUpStatus status, @Nullable Instant linkExpiresAt, @Nullable Instant answeredAt,
        @Nullable Boolean wantsContact, @Nullable RelationshipId newRelationship, int version) {

    public boolean mayCreateLink() {
        return status.mayCreateLink();
    }
}
