package org.rapport.measures;

import java.util.Map;

/**
 * What a client sees when they open their link: the instrument, their first name and nothing else
 * about them, and the answers they saved before (keyed by the item's link id).
 */
public record ClientForm(InstrumentDefinition instrument, String firstName, Map<String, Integer> answers) {

    public ClientForm {
        answers = Map.copyOf(answers);
    }
}
