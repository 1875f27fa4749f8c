package org.rapport.sessions;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What happened at a session: its outcome, who of a couple, family or group was present (member id
 * to present; empty for a person), and the helping skills leaned on.
 */
public record SessionRecord(SessionOutcome outcome, Map<UUID, Boolean> attendance, Set<HelpingSkill> skills) {
    public SessionRecord {
        attendance = attendance == null ? Map.of() : Map.copyOf(attendance);
        skills = skills == null ? Set.of() : Set.copyOf(skills);
    }
}
