package org.rapport.goals;

import org.jspecify.annotations.Nullable;
import org.rapport.shared.RuleBroken;

/** The checks every piece of free text about goals gets, with messages a helper can act on. */
final class Text {

    private Text() {
    }

    static String required(@Nullable String text, String what, int maxLength) {
        if (text == null || text.isBlank()) throw new RuleBroken(what + " is needed.");
        return limited(text.strip(), what, maxLength);
    }

    static @Nullable String optional(@Nullable String text, String what, int maxLength) {
        if (text == null || text.isBlank()) return null;
        return limited(text.strip(), what, maxLength);
    }

    private static String limited(String text, String what, int maxLength) {
        if (text.length() > maxLength) {
            throw new RuleBroken(what + " can be at most " + maxLength + " characters (it has " + text.length() + ").");
        }
        return text;
    }
}
