package org.rapport.goals;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A step towards a goal: what, who takes it (the client or the helper), and by when. */
public record NewActionStep(@Nullable String description, @Nullable StepOwner who, @Nullable LocalDate dueBy) {
}
