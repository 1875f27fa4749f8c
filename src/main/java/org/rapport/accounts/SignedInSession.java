package org.rapport.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One of a person's signed-in sessions, as they see it in their list: when and from where it
 * signed in, on what kind of device, when it was last used and when it ends by itself. It is named
 * by a handle derived from the session (never the cookie value itself, which would let anyone who
 * saw the page take the session over). {@code current} is the session the list is shown in.
 */
public record SignedInSession(String handle, @Nullable Instant signedInAt, Instant lastActiveAt, Instant endsAt,
        String address, String device, boolean current) {
}
