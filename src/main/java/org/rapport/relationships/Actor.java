package org.rapport.relationships;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The person doing something to a relationship, as the record keeps them: their account and their name. */
record Actor(UUID accountId, String name, @Nullable UUID helperId) {
}
