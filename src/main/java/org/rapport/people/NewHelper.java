package org.rapport.people;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.Role;

/**
 * A helper to add. With a sign-in name (and an initial password) they also get an account holding
 * {@code roles}, or just {@link Role#HELPER} when none are given; without one they cannot sign in.
 */
public record NewHelper(String name, Discipline discipline, @Nullable String username, @Nullable String password,
        Set<Role> roles) {

    public NewHelper {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public NewHelper(String name, Discipline discipline) {
        this(name, discipline, null, null, Set.of());
    }

    @Override
    public String toString() {
        return "NewHelper[" + name + ", " + discipline + ", " + username + "]";
    }
}
