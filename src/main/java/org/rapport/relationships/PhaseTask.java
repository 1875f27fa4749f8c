package org.rapport.relationships;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A task of a phase and, once ticked off, when and by whom. */
public record PhaseTask(String phaseKey, int index, String task, @Nullable LocalDate doneOn, @Nullable String doneBy) {

    public boolean isDone() {
        return doneOn != null;
    }
}
