package org.rapport.people;

import org.jspecify.annotations.Nullable;

/** A person who helps clients: a counsellor, a nurse, a coach, a peer supporter. {@code username} is set when they can sign in. */
public record Helper(HelperId id, String name, Discipline discipline, @Nullable String username, boolean active) {
}
