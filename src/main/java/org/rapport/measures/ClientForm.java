package org.rapport.measures;

import java.util.Map;

/**
 * What a client sees when they open their link: the instrument, their first name and nothing else
 * about them, the answers they saved before (keyed by the item's link id), and what their
 * organisation tells clients to do if they need help now.
 */
public record ClientForm(InstrumentDefinition instrument, String firstName, Map<String, Integer> answers,
        String crisisInformation) {

    public ClientForm {
        answers = Map.copyOf(answers);
    }
}
