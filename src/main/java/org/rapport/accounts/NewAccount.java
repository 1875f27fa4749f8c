package org.rapport.accounts;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What it takes to open a sign-in account. The password is plain here and hashed before it is kept. */
public record NewAccount(String username, String password, String displayName, Set<Role> roles,
        @Nullable UUID helperId) {

    public static final int MIN_PASSWORD_LENGTH = 12;

    public NewAccount {
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "NewAccount[" + username + "]";
    }
}
