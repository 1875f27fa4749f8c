package org.rapport.goals;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A concern identified with the client, in the client's words; the day defaults to today. */
public record NewConcern(@Nullable String description, @Nullable LocalDate identifiedOn) {
}
