package org.rapport.notes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.NewReferral;
import org.rapport.relationships.Referral;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.Urgency;
import org.rapport.sessions.NewSession;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionManagement;
import org.rapport.shared.Tenancy;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;

/**
 * An organisation of its own for each test, its staff, a relationship with a session to write notes
 * on, and a way to act as one of the staff. Names are invented; sign-in names carry a random tail
 * because they are unique across all organisations and every test shares the database.
 */
final class NoteFixtures extends TestOrganisation {

    NoteFixtures(AccountManagement accounts, PeopleManagement people, String organisationName) {
        super(accounts, people, organisationName);
    }

    Staff aSupervisorOf(String name, Staff supervisee) {
        Staff supervisor = staff(name, Role.SUPERVISOR);
        Tenancy.runAs(organisation, () -> people.linkSupervisor(supervisor.helper(), supervisee.helper()));
        return supervisor;
    }

    /** A relationship led by this helper (with the others), referred a month ago. */
    RelationshipId aRelationship(RelationshipManagement relationships, Clock clock, String clientName, Staff lead,
            Staff... others) {
        LocalDate referredOn = LocalDate.now(clock).minusMonths(1);
        NewClientParty person = new NewClientParty(ClientPartyKind.PERSON, clientName,
                List.of(new NewClientMember(clientName, referredOn.minusMonths(1))));
        return as(lead, () -> relationships.refer(new NewReferral(person, null,
                new Referral("Brook Lane surgery", "Low mood since the move", referredOn, Urgency.SOON),
                lead.helper(), null, java.util.Arrays.stream(others).map(Staff::helper).toList(), "five-stage", null)));
    }

    /** A session of the relationship, scheduled for tomorrow by this helper. */
    SessionId aSession(SessionManagement sessions, Clock clock, RelationshipId relationship, Staff helper) {
        return as(helper, () -> sessions.schedule(relationship,
                new NewSession(LocalDate.now(clock).plusDays(1), LocalTime.of(10, 0), 50, MeetingMode.IN_PERSON, null)));
    }
}
