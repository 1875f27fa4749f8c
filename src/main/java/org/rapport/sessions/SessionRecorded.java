package org.rapport.sessions;

import java.time.LocalDate;
import org.rapport.relationships.RelationshipId;

/** Published when a session's outcome is recorded (or corrected). */
public record SessionRecorded(RelationshipId relationship, SessionId session, LocalDate heldOn, SessionOutcome outcome) {
}
