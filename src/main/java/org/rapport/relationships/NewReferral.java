package org.rapport.relationships;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.people.ClientPartyId;
import org.rapport.people.HelperId;
import org.rapport.people.NewClientParty;
import org.rapport.people.TeamId;

/**
 * A referral as it arrives: who the client party is (a new one, or one Rapport already knows), the
 * referral itself, the helper party that takes it, and the process model the work will follow.
 * The submission id makes a referral sent twice open one relationship. A referral may continue the
 * work of an earlier, ended relationship with the same client party ({@code continuesFrom}), so its
 * story is at hand.
 */
public record NewReferral(@Nullable NewClientParty newClientParty, @Nullable ClientPartyId existingClientParty,
        Referral referral, HelperId leadHelper, @Nullable TeamId team, List<HelperId> otherHelpers,
        String processModelKey, @Nullable UUID submissionId, @Nullable RelationshipId continuesFrom) {

    public NewReferral {
        otherHelpers = otherHelpers == null ? List.of() : List.copyOf(otherHelpers);
    }

    /** A referral that continues no earlier relationship. */
    public NewReferral(@Nullable NewClientParty newClientParty, @Nullable ClientPartyId existingClientParty,
            Referral referral, HelperId leadHelper, @Nullable TeamId team, List<HelperId> otherHelpers,
            String processModelKey, @Nullable UUID submissionId) {
        this(newClientParty, existingClientParty, referral, leadHelper, team, otherHelpers, processModelKey, submissionId, null);
    }
}
