package org.rapport.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.relationships.RelationshipTests.ASH;
import static org.rapport.relationships.RelationshipTests.CLIENT_PARTY;
import static org.rapport.relationships.RelationshipTests.HILL;
import static org.rapport.relationships.RelationshipTests.LEAD;
import static org.rapport.relationships.RelationshipTests.NOW;
import static org.rapport.relationships.RelationshipTests.OPENED_AT;
import static org.rapport.relationships.RelationshipTests.ORGANISATION;
import static org.rapport.relationships.RelationshipTests.TODAY;
import static org.rapport.relationships.RelationshipTests.aReferral;
import static org.rapport.relationships.RelationshipTests.aReferredRelationship;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.people.HelperId;

/** A new referral's link to the ended relationship it continues, without Spring. */
class ContinuationTests {

    @Test
    void aReferralContinuesNoEarlierWorkUnlessItSaysSo() {
        assertThat(aReferredRelationship().continuesFrom()).isEmpty();
        NewReferral plain = new NewReferral(null, null, aReferral(), new HelperId(LEAD), null, List.of(), "hill-helping-model", null);
        assertThat(plain.continuesFrom()).isNull();
    }

    @Test
    void aContinuingReferralRemembersTheEarlierRelationship() {
        Relationship earlier = aReferredRelationship();
        Relationship again = Relationship.refer(ORGANISATION, CLIENT_PARTY, HelperParty.of(LEAD, null, List.of()), HILL,
                aReferral(), null, earlier.id().value(), OPENED_AT, TODAY);

        assertThat(again.continuesFrom()).contains(earlier.id());
        assertThat(again.status()).isEqualTo(RelationshipStatus.REFERRED);
    }

    @Test
    void knowsWhenItEndedOnlyOnceItHas() {
        Relationship relationship = aReferredRelationship();
        relationship.changeStatus(RelationshipStatus.ACTIVE, "Work begins", HILL, ASH, NOW);
        assertThat(relationship.endedAt()).isEmpty();

        Instant endedAt = NOW.plusSeconds(3600);
        relationship.changeStatus(RelationshipStatus.ENDING, "Goals met", HILL, ASH, NOW);
        relationship.changeStatus(RelationshipStatus.ENDED, "The planned ending is done", HILL, ASH, endedAt);

        assertThat(relationship.endedAt()).contains(endedAt);
    }
}
