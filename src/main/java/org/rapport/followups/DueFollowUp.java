package org.rapport.followups;

import java.time.LocalDate;
import org.rapport.relationships.RelationshipId;

/** A follow-up that has fallen due for the former helper signed in, with the client party's name for their list. */
public record DueFollowUp(FollowUpId id, RelationshipId relationship, String clientPartyName, LocalDate dueOn,
        FollowUpStatus status) {
}
