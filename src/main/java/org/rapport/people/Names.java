package org.rapport.people;

import org.jspecify.annotations.Nullable;
import org.rapport.shared.RuleBroken;

/** Names of people, teams and parties: present, and short enough to show in a list. */
final class Names {

    static final int LONGEST = 120;

    private Names() {
    }

    /** The name without surrounding spaces, or a refusal that says which name is wanted. */
    static String require(@Nullable String name, String refusal) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > LONGEST) throw new RuleBroken(refusal);
        return stripped;
    }
}
