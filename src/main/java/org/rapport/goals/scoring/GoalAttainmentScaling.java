package org.rapport.goals.scoring;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The goal attainment scaling T-score of Kiresuk &amp; Sherman (1968), "Goal attainment scaling: a
 * general method for evaluating comprehensive community mental health programs", <i>Community
 * Mental Health Journal</i> 4(6), 443–453:
 *
 * <pre>
 *   T = 50 + 10·Σwᵢxᵢ / √((1 − ρ)·Σwᵢ² + ρ·(Σwᵢ)²)
 * </pre>
 *
 * where xᵢ is goal i's attainment level (−2 … +2), wᵢ its weight (1 when unweighted) and ρ the
 * assumed correlation between goals' scores, conventionally 0.3. T is 50 when every goal is
 * attained exactly as expected, and has a standard deviation of about 10 by construction.
 *
 * <p>Weights follow Turner-Stokes (2009, <i>Clin Rehabil</i> 23:362–370, with its erratum):
 * importance × difficulty, each rated 0–3. Rapport counts a goal whose importance or difficulty
 * is unset or 0 with weight 1, so no goal drops out of the score (see decision record 4).
 */
public final class GoalAttainmentScaling {

    /** The conventional assumed correlation between goals. */
    public static final double RHO = 0.3;

    /** The lowest and highest importance or difficulty rating. */
    public static final int LOWEST_RATING = 0;
    public static final int HIGHEST_RATING = 3;

    private GoalAttainmentScaling() {
    }

    /** The T-score of these goals with ρ = 0.3. */
    public static double tScore(List<WeightedAttainment> goals) {
        return tScore(goals, RHO);
    }

    /** The T-score of these goals with the given ρ (0 ≤ ρ &lt; 1). */
    public static double tScore(List<WeightedAttainment> goals, double rho) {
        if (goals == null || goals.isEmpty()) {
            throw new IllegalArgumentException("A T-score needs at least one rated goal.");
        }
        if (!(rho >= 0 && rho < 1)) {
            throw new IllegalArgumentException("ρ, the correlation assumed between goals, must be at least 0 and below 1; it was " + rho + ".");
        }
        double weightedSum = 0;
        double sumOfSquaredWeights = 0;
        double sumOfWeights = 0;
        for (WeightedAttainment goal : goals) {
            if (goal == null) throw new IllegalArgumentException("A T-score cannot count a missing goal.");
            double w = goal.weight();
            weightedSum += w * goal.level().value();
            sumOfSquaredWeights += w * w;
            sumOfWeights += w;
        }
        return 50 + 10 * weightedSum / Math.sqrt((1 - rho) * sumOfSquaredWeights + rho * sumOfWeights * sumOfWeights);
    }

    /**
     * A goal's weight: importance × difficulty when both are given and neither is 0, otherwise 1.
     * Each rating runs from 0 to 3.
     */
    public static double weight(@Nullable Integer importance, @Nullable Integer difficulty) {
        checkRating(importance, "importance");
        checkRating(difficulty, "difficulty");
        if (importance == null || difficulty == null || importance == 0 || difficulty == 0) return 1;
        return importance * difficulty;
    }

    private static void checkRating(@Nullable Integer rating, String what) {
        if (rating != null && (rating < LOWEST_RATING || rating > HIGHEST_RATING)) {
            throw new IllegalArgumentException("A goal's " + what + " is rated from 0 to 3; " + rating + " is outside it.");
        }
    }
}
