package org.rapport.testing;

import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.people.Discipline;
import org.rapport.people.HelperId;
import org.rapport.people.NewHelper;
import org.rapport.people.PeopleManagement;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * An organisation of its own for a test (or a benchmark), the staff who work in it, and a way to
 * act as one of them through the modules' APIs. Sign-in names carry a random tail because they are
 * unique across all organisations and every test shares the database. Every name is invented.
 */
public class TestOrganisation {

    public static final String PASSWORD = "a-long-password-123";

    public final OrganisationId organisation;
    protected final AccountManagement accounts;
    protected final PeopleManagement people;

    public TestOrganisation(AccountManagement accounts, PeopleManagement people, String name) {
        this.accounts = accounts;
        this.people = people;
        this.organisation = accounts.openOrganisation(name);
    }

    public OrganisationId id() {
        return organisation;
    }

    /** Someone on the staff who signs in: their helper record, sign-in name and name. */
    public record Staff(HelperId helper, String username, String name) {
    }

    public Staff aHelper(String name) {
        return staff(name, Role.HELPER);
    }

    public Staff anAdmin(String name) {
        return staff(name, Role.ADMIN);
    }

    public void supervises(Staff supervisor, Staff supervisee) {
        Tenancy.runAs(organisation, () -> people.linkSupervisor(supervisor.helper(), supervisee.helper()));
    }

    public Staff staff(String name, Role... roles) {
        return staffSigningInAs(name.toLowerCase().replaceAll("[^a-z]+", ".") + "-" + UUID.randomUUID().toString().substring(0, 8), name, roles);
    }

    /** Someone who signs in with an email address (invented, on a reserved example domain), as setup's admin does. */
    public Staff staffWithEmail(String name, Role... roles) {
        return staffSigningInAs(name.toLowerCase().replaceAll("[^a-z]+", ".") + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@riverside.example", name, roles);
    }

    private Staff staffSigningInAs(String username, String name, Role... roles) {
        HelperId helper = Tenancy.callAs(organisation, () -> people.addHelper(
                new NewHelper(name, Discipline.COUNSELLOR, username, PASSWORD, Set.of(roles))));
        return new Staff(helper, username, name);
    }

    /** Does the work signed in as this person, in this organisation, then restores whoever was signed in. */
    public <T> T as(Staff who, Supplier<T> work) {
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

    public void run(Staff who, Runnable work) {
        as(who, () -> {
            work.run();
            return null;
        });
    }

    /** Work in this organisation with nobody signed in, as a background job would. */
    public <T> T inScope(Supplier<T> work) {
        return Tenancy.callAs(organisation, work);
    }
}
