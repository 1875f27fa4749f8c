package org.rapport.measures;

import java.util.ArrayList;
import java.util.List;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.TimelineEntry;
import org.rapport.relationships.TimelineSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Adds measures to the relationship's timeline: a link sent, and an instrument answered with its band. Never answers. */
@Component
class MeasuresTimeline implements TimelineSource {

    private final Administrations administrations;
    private final InstrumentCatalogue instruments;

    MeasuresTimeline(Administrations administrations, InstrumentCatalogue instruments) {
        this.administrations = administrations;
        this.instruments = instruments;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> timelineOf(RelationshipId relationship) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Administrations.Row row : administrations.allOf(relationship)) {
            String name = instruments.find(row.instrumentKey()).map(MeasureManagement::shortName).orElse(row.instrumentKey());
            if (row.expiresAt() != null || row.enteredBy() == EnteredBy.CLIENT) {
                entries.add(new TimelineEntry(row.createdAt(), "measure", name + " link sent", "A one-time link for the client",
                        row.createdBy()));
            }
            if (row.completed() && row.completedAt() != null) {
                String band = row.band() == null ? "" : " (" + row.band().toLowerCase(java.util.Locale.UK) + ")";
                String by = row.enteredBy() == EnteredBy.HELPER ? row.createdBy() : "The client";
                entries.add(new TimelineEntry(row.completedAt(), "measure", name + " answered" + band,
                        row.enteredBy() == null ? "" : "Entered by " + row.enteredBy().label(), by));
            }
        }
        return entries;
    }
}
