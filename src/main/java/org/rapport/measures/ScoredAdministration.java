package org.rapport.measures;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One completed administration's score, as the helper sees it; never the answers. */
public record ScoredAdministration(AdministrationId id, Instant completedAt, double total, @Nullable String band,
        boolean meetsCutOff, boolean riskEndorsed, EnteredBy enteredBy, boolean riskItemUnanswered) {

    /** A score whose risk items were all answered. */
    public ScoredAdministration(AdministrationId id, Instant completedAt, double total, @Nullable String band,
            boolean meetsCutOff, boolean riskEndorsed, EnteredBy enteredBy) {
        this(id, completedAt, total, band, meetsCutOff, riskEndorsed, enteredBy, false);
    }

    /** The total as shown: without a fraction when it has none. */
    public String totalText() {
        return total == Math.rint(total) ? String.valueOf((long) total) : String.format(java.util.Locale.UK, "%.1f", total);
    }
}
