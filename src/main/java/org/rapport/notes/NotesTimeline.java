package org.rapport.notes;

import java.util.List;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.TimelineEntry;
import org.rapport.relationships.TimelineSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Puts note signatures and addenda on the relationship's timeline: who and when, never what was written. */
@Component
class NotesTimeline implements TimelineSource {

    private final Notes notes;

    NotesTimeline(Notes notes) {
        this.notes = notes;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> timelineOf(RelationshipId relationship) {
        return notes.eventsOf(relationship.value()).stream()
                .map(e -> e.kind().equals("signed")
                        ? new TimelineEntry(e.at(), "note", "Note signed", "The session note is signed and locked", e.byName())
                        : new TimelineEntry(e.at(), "note", "Addendum added", "An addendum to a signed session note", e.byName()))
                .toList();
    }
}
