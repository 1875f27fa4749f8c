package org.rapport.goals;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A rating as the pages show it: the level and what it looks like, the day, the session, and who rated. */
public record RatingView(int level, String label, String levelDescription, LocalDate ratedOn,
        @Nullable UUID sessionId, @Nullable LocalDate sessionOn, String ratedByName) {
}
