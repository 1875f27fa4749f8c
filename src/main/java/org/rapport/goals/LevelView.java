package org.rapport.goals;

/** One of a goal's five levels as the pages show it: −2 … +2, what it means, and what it looks like for this goal. */
public record LevelView(int value, String label, String meaning, String description, boolean baseline,
        boolean current) {
}
