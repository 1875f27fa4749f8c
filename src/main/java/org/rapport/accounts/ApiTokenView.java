package org.rapport.accounts;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One of a person's API tokens as they see it: never the token itself, which is shown only once. */
public record ApiTokenView(UUID id, String name, ApiTokenScope scope, Instant createdAt, Instant expiresAt,
        @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public boolean usable(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
