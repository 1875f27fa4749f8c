package org.rapport.relationships;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A phase task ticked off: which task, the day it was done, and the helper who did it. */
@Table("task_completion")
public record TaskCompletion(String phaseKey, int taskIndex, String task, LocalDate doneOn, UUID doneBy,
        String doneByName, Instant recordedAt) {
}
