package org.rapport.shared;

import org.jspecify.annotations.Nullable;

/** The few checks every piece of free text gets (present, not too long), with messages a helper can act on. */
public final class FreeText {

    private FreeText() {
    }

    public static String required(@Nullable String text, String what, int maxLength) {
        if (text == null || text.isBlank()) throw new RuleBroken(what + " is needed.");
        return limited(text.strip(), what, maxLength);
    }

    public static @Nullable String optional(@Nullable String text, String what, int maxLength) {
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
