package org.rapport.followups;

import java.time.Instant;
import org.rapport.relationships.RelationshipId;

/** A one-time link for the client to answer a follow-up: the path holds the secret and is shown only once. */
public record FollowUpLink(FollowUpId followUp, RelationshipId relationship, String path, Instant expiresAt) {
}
