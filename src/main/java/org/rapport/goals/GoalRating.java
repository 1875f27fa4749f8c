package org.rapport.goals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.goals.scoring.AttainmentLevel;
import org.springframework.data.relational.core.mapping.Table;

/** One rating of a goal's attainment: the level, the day, the session it was rated in (if any), and by whom. */
@Table("goal_rating")
public record GoalRating(int level, LocalDate ratedOn, @Nullable UUID sessionId, UUID ratedBy, String ratedByName,
        Instant recordedAt) {

    public AttainmentLevel attainment() {
        return new AttainmentLevel(level);
    }
}
