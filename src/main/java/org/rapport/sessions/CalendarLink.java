package org.rapport.sessions;

import java.time.Instant;

/** The secret address of a helper's calendar feed, shown once when made: {@code /calendar/{token}.ics}. */
public record CalendarLink(String path, Instant createdAt) {
}
