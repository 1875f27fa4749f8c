package org.rapport.relationships;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A change of the relationship's status, with who, when and why. */
@Table("status_change")
public record StatusChange(RelationshipStatus fromStatus, RelationshipStatus toStatus, String reason, UUID changedBy,
        String changedByName, Instant changedAt) {
}
