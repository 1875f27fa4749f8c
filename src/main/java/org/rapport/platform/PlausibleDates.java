package org.rapport.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The days Rapport accepts: from 1900 to 2200. Nothing in a helping relationship happens outside
 * them, and a date far outside (year 0, year 99999) is a slip of the keyboard or an attack. Worse,
 * PostgreSQL and the JDBC driver count years before the Gregorian calendar differently, so such a
 * date would not even be stored as sent. The HTTP API's JSON and the pages' forms both refuse them.
 */
public final class PlausibleDates {

    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2200, 12, 31);

    /** What a person is told when a date is outside the range. */
    public static final String MESSAGE = "Give a date from " + FIRST + " to " + LAST + ".";

    private PlausibleDates() {
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(FIRST) && !date.isAfter(LAST);
    }

    /**
     * An ISO date (2026-03-01) within the range.
     *
     * @throws DateTimeParseException when the text is not an ISO date
     * @throws OutOfRange when it is a date, but not one Rapport accepts
     */
    public static LocalDate parse(String text) {
        LocalDate date = LocalDate.parse(text.strip());
        if (!contains(date)) {
            throw new OutOfRange();
        }
        return date;
    }

    /** Whether a failure to read a value was this range refusing a date. */
    public static boolean outOfRange(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OutOfRange) {
                return true;
            }
        }
        return false;
    }

    /** A date outside the range; its message is the one to show. */
    public static final class OutOfRange extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        OutOfRange() {
            super(MESSAGE);
        }
    }
}
