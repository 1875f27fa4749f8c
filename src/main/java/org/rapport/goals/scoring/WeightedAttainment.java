package org.rapport.goals.scoring;

import java.util.Objects;

/** One goal's attainment level with the weight it carries in the T-score (1 when unweighted). */
public record WeightedAttainment(AttainmentLevel level, double weight) {

    public WeightedAttainment {
        Objects.requireNonNull(level, "a weighted attainment needs a level");
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("A goal's weight must be a number above 0; it was " + weight + ".");
        }
    }

    public static WeightedAttainment unweighted(int level) {
        return new WeightedAttainment(new AttainmentLevel(level), 1);
    }

    public static WeightedAttainment of(int level, double weight) {
        return new WeightedAttainment(new AttainmentLevel(level), weight);
    }
}
