package org.rapport.people;

import org.jspecify.annotations.Nullable;

/**
 * What a member of staff says about themselves: the name they are shown by, and, when they are also
 * a helper, the pronouns they use, their discipline and their professional registration.
 * {@code discipline} is null for staff who are not helpers (an organisation's first admin, say).
 */
public record Profile(String name, @Nullable String pronouns, @Nullable Discipline discipline,
        @Nullable String registrationBody, @Nullable String registrationNumber) {

    public static final int LONGEST_PRONOUNS = 40;
    public static final int LONGEST_BODY = 120;
    public static final int LONGEST_NUMBER = 60;

    public boolean helper() {
        return discipline != null;
    }
}
