package org.rapport.people;

import java.util.Set;
import org.rapport.accounts.Role;

/** A helper to invite by email: they get an account whose sign-in name is the address, and choose its password. */
public record HelperInvitation(String name, Discipline discipline, String email, Set<Role> roles) {

    public HelperInvitation {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "HelperInvitation[" + name + ", " + discipline + "]";
    }
}
