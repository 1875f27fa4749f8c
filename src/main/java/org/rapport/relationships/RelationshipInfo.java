package org.rapport.relationships;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What other modules need to know of a relationship to work inside it (sessions, notes, goals):
 * its parties, where it stands, whether the person asking may change it, and the version it was
 * read at (for a change that must not overwrite someone else's).
 */
public record RelationshipInfo(RelationshipId id, UUID clientPartyId, RelationshipStatus status, String processModelKey,
        int phaseIndex, String phaseKey, String phaseName, UUID leadHelperId, List<UUID> helperIds,
        LocalDate referredOn, boolean mayChange, int version) {

    public RelationshipInfo {
        helperIds = List.copyOf(helperIds);
    }

    public boolean isOpen() {
        return status.isOpen();
    }
}
