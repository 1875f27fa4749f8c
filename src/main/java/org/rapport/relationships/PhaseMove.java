package org.rapport.relationships;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.relational.core.mapping.Table;

/** A move from one phase of the process model to another: forward, or a step back. Kept for ever. */
@Table("phase_move")
public record PhaseMove(int fromPhase, int toPhase, String fromPhaseName, String toPhaseName, @ReadOnlyProperty String reason,
        UUID movedBy, String movedByName, Instant movedAt) {

    PhaseMove withReason(String text) {
        return new PhaseMove(fromPhase, toPhase, fromPhaseName, toPhaseName, text, movedBy, movedByName, movedAt);
    }

    public boolean isStepBack() {
        return toPhase < fromPhase;
    }
}
