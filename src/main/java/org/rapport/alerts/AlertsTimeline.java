package org.rapport.alerts;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.TimelineEntry;
import org.rapport.relationships.TimelineSource;
import org.springframework.stereotype.Component;

/**
 * Alerts on the relationship's timeline: each one raised, with its policy's reason, and each one
 * acknowledged. What the helper did stays on the alert itself, off the timeline.
 */
@Component
class AlertsTimeline implements TimelineSource {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final Alerts alerts;
    private final Clock clock;

    AlertsTimeline(Alerts alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public List<TimelineEntry> timelineOf(RelationshipId relationship) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (AlertView alert : alerts.ofRelationship(relationship)) {
            entries.add(new TimelineEntry(alert.raisedAt(), "alert", "Alert raised: " + alert.kind().label(),
                    alert.reason(), alert.policy()));
            if (alert.acknowledged() && alert.acknowledgedAt() != null) {
                entries.add(new TimelineEntry(alert.acknowledgedAt(), "alert-acknowledged", "Alert acknowledged",
                        alert.kind().label() + ", raised " + DAY.format(alert.raisedAt().atZone(clock.getZone())),
                        alert.acknowledgedByName() == null ? "" : alert.acknowledgedByName()));
            }
        }
        return entries;
    }
}
