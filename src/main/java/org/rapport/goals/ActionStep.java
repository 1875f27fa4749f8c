package org.rapport.goals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.relational.core.mapping.Table;

/** A step towards a goal: what, who takes it, by when, and the day it was done. */
@Table("action_step")
public record ActionStep(UUID stepId, @ReadOnlyProperty String description, StepOwner whoDoesIt, LocalDate dueBy,
        @Nullable LocalDate doneOn, String addedByName, Instant addedAt) {

    public boolean isDone() {
        return doneOn != null;
    }

    public boolean isOverdue(LocalDate today) {
        return doneOn == null && today.isAfter(dueBy);
    }

    ActionStep withDescription(String text) {
        return new ActionStep(stepId, text, whoDoesIt, dueBy, doneOn, addedByName, addedAt);
    }

    ActionStep doneOn(LocalDate day) {
        return new ActionStep(stepId, description, whoDoesIt, dueBy, day, addedByName, addedAt);
    }
}
