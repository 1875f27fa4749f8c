package org.rapport.relationships;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.AccountManagement;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.PeopleManagement;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;

/**
 * An organisation of its own for each test, the staff who work in it, and a way to act as one of
 * them. Names are invented; sign-in names carry a random tail because they are unique across all
 * organisations and every test shares the database.
 */
final class RelationshipFixtures extends TestOrganisation {

    RelationshipFixtures(AccountManagement accounts, PeopleManagement people, String organisationName) {
        super(accounts, people, organisationName);
    }

    static NewReferral aReferral(String clientName, Staff lead, String modelKey, Urgency urgency, LocalDate referredOn,
            @Nullable UUID submissionId, Staff... others) {
        NewClientParty person = new NewClientParty(ClientPartyKind.PERSON, clientName,
                List.of(new NewClientMember(clientName, referredOn.minusMonths(1))));
        return new NewReferral(person, null,
                new Referral("Brook Lane surgery", "Low mood and poor sleep since the move", referredOn, urgency),
                lead.helper(), null, java.util.Arrays.stream(others).map(Staff::helper).toList(), modelKey,
                submissionId);
    }
}
