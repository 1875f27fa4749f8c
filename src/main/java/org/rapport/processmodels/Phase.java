package org.rapport.processmodels;

import java.util.List;

/**
 * One stage of a process model, such as "Orientation" or "Helping clients create goals".
 *
 * <p>A phase is guidance for the helper rather than a gate: the tasks are what they work through,
 * the skills are the ones the phase leans on, and the move-on signals help them judge, with the
 * client, when to go on. Only the last phase of a model is the ending, which is why the ending
 * phase alone may leave {@code moveOnWhen} empty.
 */
public record Phase(
        String key,
        String name,
        String purpose,
        List<String> tasks,
        List<String> skills,
        List<String> moveOnWhen,
        boolean ending) {

    public Phase {
        if (key.isBlank()) throw new IllegalArgumentException("A phase needs a key");
        if (name.isBlank()) throw new IllegalArgumentException("Phase " + key + " needs a name");
        tasks = List.copyOf(tasks);
        skills = List.copyOf(skills);
        moveOnWhen = List.copyOf(moveOnWhen);
    }
}
