package org.rapport.relationships;

import java.time.Instant;

/** One thing that happened in a relationship, as the timeline shows it. Client content stays out of the title. */
public record TimelineEntry(Instant at, String kind, String title, String detail, String by) {
}
