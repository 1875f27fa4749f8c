package org.rapport.alerts;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.rapport.accounts.AccountManagement;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.AgreementTerms;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.NewReferral;
import org.rapport.relationships.Referral;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.relationships.Urgency;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;

/** An organisation of its own for each test (see {@link TestOrganisation}), and the referrals alerts tests start from. */
final class AlertFixtures extends TestOrganisation {

    static final String MODEL = "five-stage";
    static final String RISK_POLICY = "Risk item endorsed";
    static final String RISK_REASON = "PHQ-9 item 9 was answered above zero: assess risk the same day.";

    AlertFixtures(AccountManagement accounts, PeopleManagement people, String organisationName) {
        super(accounts, people, organisationName);
    }

    static NewReferral aReferral(String clientName, Staff lead, Urgency urgency, LocalDate referredOn) {
        NewClientParty person = new NewClientParty(ClientPartyKind.PERSON, clientName,
                List.of(new NewClientMember(clientName, referredOn.minusMonths(1))));
        return new NewReferral(person, null,
                new Referral("Brook Lane surgery", "Low mood and poor sleep since the move", referredOn, urgency),
                lead.helper(), null, List.of(), MODEL, null);
    }

    static AgreementTerms termsReviewedOn(LocalDate reviewOn) {
        return new AgreementTerms("To sleep again", "Weekly", 50, Set.of(MeetingMode.IN_PERSON), "Ash listens",
                "Private unless someone is at risk", reviewOn, "Two closing sessions");
    }

    /**
     * Ends a relationship the way the tests need it ended: taken on, then ending, then ended. Kept in
     * this one place because how relationships close is changing elsewhere.
     */
    void endTheRelationship(Staff helper, RelationshipManagement relationships, RelationshipId relationship) {
        run(helper, () -> {
            if (relationships.overview(relationship).status() == RelationshipStatus.REFERRED) {
                relationships.changeStatus(relationship, relationships.overview(relationship).version(),
                        RelationshipStatus.ACTIVE, "Taken on");
            }
            relationships.changeStatus(relationship, relationships.overview(relationship).version(),
                    RelationshipStatus.ENDING, "The work is coming to an end");
            relationships.end(relationship, relationships.overview(relationship).version(),
                    java.time.LocalDate.now(java.time.ZoneId.systemDefault()), true, "goals-met");
        });
    }

    static UUID anAdministration() {
        return UUID.randomUUID();
    }
}
