package org.rapport.goals.scoring;

/**
 * A goal attainment scaling level, from much less than expected (−2) through the expected outcome
 * (0) to much more than expected (+2).
 */
public record AttainmentLevel(int value) {

    public static final int LOWEST = -2;
    public static final int HIGHEST = 2;

    public AttainmentLevel {
        if (value < LOWEST || value > HIGHEST) {
            throw new IllegalArgumentException("A goal attainment level runs from −2 to +2; " + value + " is outside it.");
        }
    }

    public static AttainmentLevel of(int value) {
        return new AttainmentLevel(value);
    }

    /** Whether a number is a level at all, for checking input before making one. */
    public static boolean isLevel(int value) {
        return value >= LOWEST && value <= HIGHEST;
    }

    /** The level as helpers write it: −2, −1, 0, +1, +2. */
    public String label() {
        return value > 0 ? "+" + value : value < 0 ? "−" + (-value) : "0";
    }

    /** What the level means on every goal's scale. */
    public String meaning() {
        return switch (value) {
            case -2 -> "Much less than expected";
            case -1 -> "Less than expected";
            case 0 -> "The expected outcome";
            case 1 -> "More than expected";
            default -> "Much more than expected";
        };
    }

    @Override
    public String toString() {
        return label();
    }
}
