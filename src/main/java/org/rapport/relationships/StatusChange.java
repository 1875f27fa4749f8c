package org.rapport.relationships;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.relational.core.mapping.Table;

/** A change of the relationship's status, with who, when and why (sealed with the relationship's narrative). */
@Table("status_change")
public record StatusChange(RelationshipStatus fromStatus, RelationshipStatus toStatus, @ReadOnlyProperty String reason, UUID changedBy,
        String changedByName, Instant changedAt) {

    StatusChange withReason(String text) {
        return new StatusChange(fromStatus, toStatus, text, changedBy, changedByName, changedAt);
    }
}
