package org.rapport.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;

/**
 * An organisation of its own for each test, and the people in it, made through the module's API.
 * Names are invented; sign-in names carry a random tail because they are unique across organisations.
 */
final class PeopleFixtures {

    static final String PASSWORD = "a long enough passphrase";

    final OrganisationId organisation;
    private final PeopleManagement people;
    private final AccountManagement accounts;

    PeopleFixtures(AccountManagement accounts, PeopleManagement people, String organisationName) {
        this.accounts = accounts;
        this.people = people;
        this.organisation = accounts.openOrganisation(organisationName);
    }

    <T> T as(Supplier<T> work) {
        return Tenancy.callAs(organisation, work);
    }

    void run(Runnable work) {
        Tenancy.runAs(organisation, work);
    }

    HelperId aHelper(String name) {
        return as(() -> people.addHelper(new NewHelper(name, Discipline.COUNSELLOR)));
    }

    /** A helper who signs in with {@link #PASSWORD}; the sign-in name is returned through {@link #usernameOf}. */
    HelperId aHelperWhoSignsIn(String name, Role... roles) {
        String username = uniqueUsername(name);
        return as(() -> people.addHelper(new NewHelper(name, Discipline.SOCIAL_WORKER, username, PASSWORD, Set.of(roles))));
    }

    String usernameOf(HelperId helper) {
        return as(() -> accounts.usernameOfHelper(helper.value()).orElseThrow());
    }

    /** The sign-in name of a new organisation admin who also helps clients. */
    String anAdmin() {
        return usernameOf(aHelperWhoSignsIn("Morgan Admin", Role.ADMIN, Role.HELPER));
    }

    String aPlainHelperAccount() {
        return usernameOf(aHelperWhoSignsIn("Harper Helper", Role.HELPER));
    }

    ClientPartyId aPerson() {
        return register(ClientPartyKind.PERSON, "Robin Fairweather", "Robin Fairweather");
    }

    ClientPartyId aCouple() {
        return register(ClientPartyKind.COUPLE, "Pat and Sam Okonkwo-Lind", "Pat Okonkwo", "Sam Lind");
    }

    ClientPartyId aFamily() {
        return register(ClientPartyKind.FAMILY, "The Ashdown family", "Alex Ashdown", "Bea Ashdown", "Cal Ashdown");
    }

    ClientPartyId aGroup() {
        return register(ClientPartyKind.GROUP, "Thursday recovery group", "Dee", "Eli", "Fen", "Gus");
    }

    ClientPartyId register(ClientPartyKind kind, String name, String... memberNames) {
        LocalDate joined = LocalDate.now().minusMonths(1);
        List<NewClientMember> members = java.util.Arrays.stream(memberNames)
                .map(member -> new NewClientMember(member, joined)).toList();
        return as(() -> people.registerClientParty(new NewClientParty(kind, name, members)));
    }

    static String uniqueUsername(String name) {
        return name.toLowerCase().replaceAll("[^a-z]+", ".") + "." + UUID.randomUUID().toString().substring(0, 8);
    }
}
