package org.rapport.sessions;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.AccountManagement;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.NewReferral;
import org.rapport.relationships.Referral;
import org.rapport.relationships.Urgency;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;

/** An organisation of its own for each test (see {@link TestOrganisation}), and the referrals sessions tests start from. */
final class SessionFixtures extends TestOrganisation {

    SessionFixtures(AccountManagement accounts, PeopleManagement people, String organisationName) {
        super(accounts, people, organisationName);
    }

    /** A group of four, referred on this day, all members from a month before. */
    static NewReferral aGroupReferral(String groupName, Staff lead, LocalDate referredOn, String... memberNames) {
        NewClientParty group = new NewClientParty(ClientPartyKind.GROUP, groupName,
                java.util.Arrays.stream(memberNames).map(n -> new NewClientMember(n, referredOn.minusMonths(1))).toList());
        return new NewReferral(group, null,
                new Referral("Community mental health team", "Managing anxiety together", referredOn, Urgency.ROUTINE),
                lead.helper(), null, List.of(), "hill-helping-model", null);
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
