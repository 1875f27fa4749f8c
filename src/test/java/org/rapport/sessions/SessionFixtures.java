package org.rapport.sessions;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.Discipline;
import org.rapport.people.HelperId;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.NewHelper;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.NewReferral;
import org.rapport.relationships.Referral;
import org.rapport.relationships.Urgency;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * An organisation of its own for each test, the staff who work in it, and a way to act as one of
 * them. Names are invented; sign-in names carry a random tail because they are unique across all
 * organisations and every test shares the database.
 */
final class SessionFixtures {

    static final String PASSWORD = "a-long-password-123";

    final OrganisationId organisation;
    private final AccountManagement accounts;
    private final PeopleManagement people;

    SessionFixtures(AccountManagement accounts, PeopleManagement people, String organisationName) {
        this.accounts = accounts;
        this.people = people;
        this.organisation = accounts.openOrganisation(organisationName);
    }

    /** Someone on the staff who signs in: their helper record, sign-in name and name. */
    record Staff(HelperId helper, String username, String name) {
    }

    Staff aHelper(String name) {
        return staff(name, Role.HELPER);
    }

    Staff anAdmin(String name) {
        return staff(name, Role.ADMIN);
    }

    Staff staff(String name, Role... roles) {
        String username = name.toLowerCase().replaceAll("[^a-z]+", ".") + "-" + UUID.randomUUID().toString().substring(0, 8);
        HelperId helper = Tenancy.callAs(organisation, () -> people.addHelper(
                new NewHelper(name, Discipline.COUNSELLOR, username, PASSWORD, Set.of(roles))));
        return new Staff(helper, username, name);
    }

    void supervises(Staff supervisor, Staff supervisee) {
        Tenancy.runAs(organisation, () -> people.linkSupervisor(supervisor.helper(), supervisee.helper()));
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

    /** Work in this organisation with nobody signed in, as a background job would. */
    <T> T inScope(Supplier<T> work) {
        return Tenancy.callAs(organisation, work);
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
