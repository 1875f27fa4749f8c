package org.rapport.followups;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.TimelineEntry;
import org.rapport.relationships.TimelineSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Adds follow-ups and reconnect links to the relationship's timeline. Never the client's answers or words. */
@Component
class FollowUpsTimeline implements TimelineSource {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final FollowUps followUps;

    FollowUpsTimeline(FollowUps followUps) {
        this.followUps = followUps;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> timelineOf(RelationshipId relationship) {
        return followUps.eventsOf(relationship).stream().map(event -> {
            String due = event.dueOn() == null ? "" : DAY.format(event.dueOn());
            return switch (event.kind()) {
                case "scheduled" -> new TimelineEntry(event.at(), "follow-up", "Follow-up scheduled for " + due,
                        "A check-in after the ending", "Rapport");
                case "due" -> new TimelineEntry(event.at(), "follow-up", "Follow-up of " + due + " fell due",
                        "The former lead helper can create the link", "Rapport");
                case "link" -> new TimelineEntry(event.at(), "follow-up", "Follow-up link created",
                        "A one-time link for the client", "");
                case "answered" -> new TimelineEntry(event.at(), "follow-up", "Follow-up answered",
                        event.wantsContact() ? "The client asked to get back in touch" : "", "The client");
                case "reconnect-issued" -> new TimelineEntry(event.at(), "reconnect", "Reconnect link issued",
                        "For the ending letter", "");
                default -> new TimelineEntry(event.at(), "reconnect", "Reconnect link used",
                        "The client asked to get back in touch", "The client");
            };
        }).toList();
    }
}
