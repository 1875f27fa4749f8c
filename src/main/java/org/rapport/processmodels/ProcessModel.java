package org.rapport.processmodels;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A named way of working through a helping relationship, as an ordered list of phases that always
 * finishes with an ending.
 *
 * <p>Relationships refer to a model by its {@code key} and to a phase by the phase's key or
 * position, so the helpers here answer the questions a relationship asks: which phase comes first,
 * where a phase sits, and which phase is the ending. The ending is always the last phase because a
 * relationship may step back and forth between the working phases but every relationship, planned
 * or not, finishes in an ending. Built-in models ship with Rapport; the others are uploaded by an
 * organisation.
 */
public record ProcessModel(
        String key, String name, String source, String description, List<Phase> phases, boolean builtIn) {

    public ProcessModel {
        if (key.isBlank()) throw new IllegalArgumentException("A process model needs a key");
        if (name.isBlank()) throw new IllegalArgumentException("Process model " + key + " needs a name");
        phases = List.copyOf(phases);
        if (phases.isEmpty())
            throw new IllegalArgumentException("Process model " + key + " needs at least one phase");
        if (!phases.get(phases.size() - 1).ending())
            throw new IllegalArgumentException("The last phase of process model " + key + " must be the ending");
        var keys = new HashSet<String>();
        for (int i = 0; i < phases.size(); i++) {
            var phase = phases.get(i);
            if (!keys.add(phase.key()))
                throw new IllegalArgumentException(
                        "Process model " + key + " uses the phase key " + phase.key() + " twice");
            if (phase.ending() && i < phases.size() - 1)
                throw new IllegalArgumentException(
                        "Only the last phase of process model " + key + " can be the ending, not " + phase.key());
        }
    }

    /** The phase at a zero-based position. */
    public Phase phase(int index) {
        return phases.get(index);
    }

    /** The zero-based position of a phase, or -1 when the model has no phase with that key. */
    public int indexOf(String phaseKey) {
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).key().equals(phaseKey)) return i;
        }
        return -1;
    }

    public Optional<Phase> findPhase(String key) {
        int index = indexOf(key);
        return index < 0 ? Optional.empty() : Optional.of(phases.get(index));
    }

    /** The phase a new relationship starts in. */
    public Phase first() {
        return phases.get(0);
    }

    /** The phase every relationship finishes in, whether the ending was planned or not. */
    public Phase ending() {
        return phases.get(phases.size() - 1);
    }

    public boolean isEnding(int index) {
        return index == phases.size() - 1;
    }

    public int phaseCount() {
        return phases.size();
    }
}
