package org.rapport.sessions;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes sessions as iCalendar events. A calendar leaves the building, so an event carries only its
 * time, length and way of meeting, under a neutral summary: never the client's name or the place.
 */
final class CalendarWriter {

    static final String SUMMARY = "Rapport session";

    private CalendarWriter() {
    }

    static String write(List<Session> sessions, ZoneId zone) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Rapport//Sessions//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        for (Session session : sessions) {
            VEvent event = new VEvent(session.on.atTime(session.at).atZone(zone).toInstant(),
                    Duration.ofMinutes(session.lengthMinutes), SUMMARY);
            event.add(new Uid(session.id.value() + "@rapport"));
            event.add(new Categories(session.mode.label()));
            calendar.add(event);
        }
        try {
            var out = new java.io.StringWriter();
            new CalendarOutputter(false).output(calendar, out);
            return out.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not write the calendar", e);
        }
    }
}
