package org.rapport.followups;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.rapport.relationships.RelationshipId;

/**
 * One way back in for a relationship, as staff see it: a reconnect link (issued, expiring, used or
 * not) or a follow-up answered "yes", and the new relationship it opened.
 */
public record ReconnectView(ReconnectId id, RelationshipId relationship, Via via, Instant issuedAt,
        @Nullable Instant expiresAt, @Nullable Instant askedAt, @Nullable RelationshipId newRelationship) {

    public enum Via { LINK, FOLLOW_UP }
}
