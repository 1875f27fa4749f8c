package org.rapport.relationships;

import java.util.List;

/**
 * A module that adds what it knows to a relationship's timeline (sessions held, goal ratings, notes
 * signed). Declared here so the relationship page can gather them without depending on those
 * modules; they implement it.
 */
public interface TimelineSource {

    /** Entries for a relationship the signed-in person may already see; never client note content. */
    List<TimelineEntry> timelineOf(RelationshipId relationship);
}
