package org.rapport.people;

import org.jspecify.annotations.Nullable;

/**
 * A person who helps clients: a counsellor, a nurse, a coach, a peer supporter. {@code username} is
 * set when they can sign in; {@code pronouns} when they have said which they use.
 */
public record Helper(HelperId id, String name, Discipline discipline, @Nullable String username, boolean active,
        @Nullable String pronouns) {

    /** Their name with their pronouns, as a list shows them: "Ash Marlow (they/them)". */
    public String nameWithPronouns() {
        return pronouns == null || pronouns.isBlank() ? name : name + " (" + pronouns + ")";
    }
}
