package org.rapport.notes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.Discipline;
import org.rapport.people.HelperId;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.NewHelper;
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
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * An organisation of its own for each test, its staff, a relationship with a session to write notes
 * on, and a way to act as one of the staff. Names are invented; sign-in names carry a random tail
 * because they are unique across all organisations and every test shares the database.
 */
final class NoteFixtures {

    static final String PASSWORD = "a-long-password-123";

    final OrganisationId organisation;
    private final AccountManagement accounts;
    private final PeopleManagement people;

    NoteFixtures(AccountManagement accounts, PeopleManagement people, String organisationName) {
        this.accounts = accounts;
        this.people = people;
        this.organisation = accounts.openOrganisation(organisationName);
    }

    record Staff(HelperId helper, String username, String name) {
    }

    Staff aHelper(String name) {
        return staff(name, Role.HELPER);
    }

    Staff anAdmin(String name) {
        return staff(name, Role.ADMIN);
    }

    Staff aSupervisorOf(String name, Staff supervisee) {
        Staff supervisor = staff(name, Role.SUPERVISOR);
        Tenancy.runAs(organisation, () -> people.linkSupervisor(supervisor.helper(), supervisee.helper()));
        return supervisor;
    }

    Staff staff(String name, Role... roles) {
        String username = name.toLowerCase().replaceAll("[^a-z]+", ".") + "-" + UUID.randomUUID().toString().substring(0, 8);
        HelperId helper = Tenancy.callAs(organisation, () -> people.addHelper(
                new NewHelper(name, Discipline.COUNSELLOR, username, PASSWORD, Set.of(roles))));
        return new Staff(helper, username, name);
    }

    /** Does the work signed in as this person, in this organisation, then puts back whoever was signed in before. */
    <T> T as(Staff who, Supplier<T> work) {
        UserDetails details = accounts.loadUserByUsername(who.username());
        Authentication previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        try {
            return Tenancy.callAs(organisation, work);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    void run(Staff who, Runnable work) {
        as(who, () -> {
            work.run();
            return null;
        });
    }

    <T> T inScope(Supplier<T> work) {
        return Tenancy.callAs(organisation, work);
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
