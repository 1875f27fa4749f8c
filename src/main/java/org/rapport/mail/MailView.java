package org.rapport.mail;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What became of one message, as an admin sees it: never its body. */
public record MailView(MailId id, String to, String subject, String template, MailStatus status, int attempts,
        Instant queuedAt, @Nullable Instant lastAttemptAt, @Nullable Instant nextAttemptAt, @Nullable Instant sentAt,
        @Nullable String problem) {
}
