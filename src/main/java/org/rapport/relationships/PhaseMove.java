package org.rapport.relationships;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A move from one phase of the process model to another: forward, or a step back. Kept for ever. */
@Table("phase_move")
public record PhaseMove(int fromPhase, int toPhase, String fromPhaseName, String toPhaseName, String reason,
        UUID movedBy, String movedByName, Instant movedAt) {

    public boolean isStepBack() {
        return toPhase < fromPhase;
    }
}
