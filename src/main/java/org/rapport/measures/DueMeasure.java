package org.rapport.measures;

import org.jspecify.annotations.Nullable;

/**
 * An instrument the relationship's measurement plan calls for now: at a session, at the ending or
 * at a follow-up.
 *
 * @param instrumentKey the instrument's key, e.g. "phq-9", for entering answers or sending a link
 * @param name the instrument's brief name, e.g. "PHQ-9"
 * @param label the instrument's full name as shown to people
 * @param timing when the plan gives it; {@code every} is the n of "every n sessions"
 * @param why the plan's words for it, e.g. "PHQ-9 every session" or "Check-in every 4 sessions"
 */
public record DueMeasure(String instrumentKey, String name, String label, PlanTiming timing, @Nullable Integer every,
        String why) {
}
