package org.rapport.goals;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Days as the pages write them: 3 Mar 2026. */
final class Days {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private Days() {
    }

    static String format(LocalDate day) {
        return DAY.format(day);
    }
}
