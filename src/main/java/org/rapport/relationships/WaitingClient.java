package org.rapport.relationships;

import java.time.LocalDate;
import java.util.List;

/**
 * Someone waiting to be seen: referred, or on the waitlist, with how urgent the referral is, when it
 * came and how many days they have waited since, and any open alerts.
 */
public record WaitingClient(RelationshipId id, String clientPartyName, String leadHelperName, RelationshipStatus status,
        Urgency urgency, LocalDate referredOn, long daysWaited, List<String> alerts) {

    public WaitingClient {
        alerts = List.copyOf(alerts);
    }

    /** How long, as a person says it: "3 days", "2 weeks and 1 day". */
    public String waited() {
        if (daysWaited < 14) return daysWaited + (daysWaited == 1 ? " day" : " days");
        long weeks = daysWaited / 7;
        long days = daysWaited % 7;
        return weeks + " weeks" + (days == 0 ? "" : " and " + days + (days == 1 ? " day" : " days"));
    }
}
