package org.rapport.measures.outcomes;

/**
 * The expected-change band at one session, for a measure on which lower is better: the expected
 * score, and the upper edge of the band (the expected score plus the tolerance). A latest score
 * above the upper edge is worse than expected. A chart draws the expected line and shades up to the
 * upper edge. See {@link ExpectedChangeBand} for the method and its sources.
 */
public record Band(double expected, double upperTolerance) {

    public Band {
        if (!Double.isFinite(expected) || !Double.isFinite(upperTolerance) || upperTolerance < expected) {
            throw new IllegalArgumentException("A band's upper edge must be a number at or above the expected score.");
        }
    }

    /** Whether a score is worse than the band: strictly above its upper edge. */
    public boolean isExceededBy(double score) {
        return score > upperTolerance;
    }
}
