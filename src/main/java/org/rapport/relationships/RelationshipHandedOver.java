package org.rapport.relationships;

import java.time.Instant;
import java.util.UUID;

/**
 * A relationship moved to another lead helper. Published inside the handover's transaction, so a
 * module that listens synchronously (sessions moving upcoming sessions) changes with it or not at all.
 */
public record RelationshipHandedOver(RelationshipId relationship, int handoverNumber, UUID fromHelperId,
        UUID toHelperId, HandoverReason reason, Instant at) {
}
