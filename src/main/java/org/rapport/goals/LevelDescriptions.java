package org.rapport.goals;

import org.jspecify.annotations.Nullable;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.shared.FreeText;

/**
 * What each of a goal's five levels looks like, agreed when the goal is set: much less than
 * expected (−2), less (−1), the expected outcome (0), more (+1), much more (+2).
 */
public record LevelDescriptions(@Nullable String muchLess, @Nullable String less, @Nullable String expected,
        @Nullable String more, @Nullable String muchMore) {

    public static final int MAX_LENGTH = 500;

    /** The description of one level; for a checked goal, never null. */
    public @Nullable String of(AttainmentLevel level) {
        return switch (level.value()) {
            case -2 -> muchLess;
            case -1 -> less;
            case 0 -> expected;
            case 1 -> more;
            default -> muchMore;
        };
    }

    /** Every level described, each at most 500 characters, trimmed. */
    LevelDescriptions checked() {
        return new LevelDescriptions(check(muchLess, -2), check(less, -1), check(expected, 0), check(more, 1),
                check(muchMore, 2));
    }

    private static String check(@Nullable String text, int level) {
        AttainmentLevel l = new AttainmentLevel(level);
        return FreeText.required(text, "The description of level " + l.label() + " (" + l.meaning().toLowerCase() + ")",
                MAX_LENGTH);
    }
}
