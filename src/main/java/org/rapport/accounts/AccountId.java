package org.rapport.accounts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies a sign-in account. */
public record AccountId(@JsonValue UUID value) {
    public AccountId {
        if (value == null) throw new IllegalArgumentException("an account id needs a value");
    }
}
