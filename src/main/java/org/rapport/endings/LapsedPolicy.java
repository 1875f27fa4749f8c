package org.rapport.endings;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When work under way has lapsed far enough to prompt an unplanned ending: no attended session for
 * {@code rapport.endings.lapsed-after-weeks} weeks (8 unless configured). Work with no attended
 * session yet has not begun, so it does not lapse here.
 */
@Component
class LapsedPolicy {

    private final int weeks;

    LapsedPolicy(@Value("${rapport.endings.lapsed-after-weeks:8}") int weeks) {
        if (weeks < 1) throw new IllegalArgumentException("rapport.endings.lapsed-after-weeks must be at least 1");
        this.weeks = weeks;
    }

    boolean isLapsed(@Nullable LocalDate lastAttendedOn, LocalDate today) {
        return lastAttendedOn != null && lastAttendedOn.isBefore(today.minusWeeks(weeks));
    }

    int weeks() {
        return weeks;
    }
}
