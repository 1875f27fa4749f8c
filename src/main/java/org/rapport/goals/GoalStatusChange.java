package org.rapport.goals;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.relational.core.mapping.Table;

/** A change of a goal's status, with who, when and (when given) why. */
@Table("goal_status_change")
public record GoalStatusChange(GoalStatus fromStatus, GoalStatus toStatus, @ReadOnlyProperty @Nullable String reason, UUID changedBy,
        String changedByName, Instant changedAt) {

    GoalStatusChange withReason(@Nullable String text) {
        return new GoalStatusChange(fromStatus, toStatus, text, changedBy, changedByName, changedAt);
    }
}
