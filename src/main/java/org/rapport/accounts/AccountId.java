package org.rapport.accounts;

import java.util.UUID;

/** Identifies a sign-in account. */
public record AccountId(UUID value) {
    public AccountId {
        if (value == null) throw new IllegalArgumentException("an account id needs a value");
    }
}
