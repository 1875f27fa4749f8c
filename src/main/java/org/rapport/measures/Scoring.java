package org.rapport.measures;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How an instrument's answers become a score, and how to read it.
 *
 * <ul>
 *   <li>{@link Method#SUM}: the item values added up. When items are missing (no more than
 *       {@code maxMissing}) the sum is prorated: sum × items ÷ answered items, then rounded as the
 *       instrument states.
 *   <li>{@link Method#MEAN_TIMES_10}: the "clinical score" of the CORE family: the mean of the
 *       answered items × 10, which prorates by itself.
 * </ul>
 *
 * <p>A reliable-change value is either stated by the instrument or left to be computed from its
 * reliability and standard deviation (Jacobson and Truax); the definition only keeps what it is
 * given. Bands are in ascending order and cover every possible total.
 */
public record Scoring(
        Method method,
        boolean higherIsBetter,
        int maxMissing,
        Rounding rounding,
        List<SeverityBand> bands,
        @Nullable CutOff cutOff,
        @Nullable Double reliableChange,
        @Nullable Double reliability,
        @Nullable Double standardDeviation) {

    public Scoring {
        bands = List.copyOf(bands);
        if (maxMissing < 0) throw new IllegalArgumentException("The number of missing items allowed cannot be negative");
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).from() != bands.get(i - 1).to() + 1)
                throw new IllegalArgumentException("Severity bands must follow on from each other without gaps");
        }
        if ((reliability == null) != (standardDeviation == null))
            throw new IllegalArgumentException("Reliability and standard deviation go together");
    }

    public enum Method {
        SUM,
        MEAN_TIMES_10
    }

    /** How a total with a fraction is rounded: not at all, to the nearest (halves up), up or down. */
    public enum Rounding {
        NONE,
        HALF_UP,
        UP,
        DOWN
    }
}
