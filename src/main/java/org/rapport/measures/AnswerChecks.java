package org.rapport.measures;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks answers saved part-way: every key an item of the instrument, every value one the item
 * offers. Whether enough items are answered is left to scoring, when the client or helper finishes.
 */
final class AnswerChecks {

    private AnswerChecks() {
    }

    /** The answers in the instrument's item order, or {@link InvalidAnswers} naming the question. */
    static Map<String, Integer> checked(InstrumentDefinition instrument, Map<String, Integer> answers) {
        for (var entry : answers.entrySet()) {
            if (entry.getKey() == null || instrument.item(entry.getKey()).isEmpty())
                throw new InvalidAnswers("The answers include a question this questionnaire does not have.");
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        int number = 0;
        for (Item item : instrument.items()) {
            number++;
            Integer value = answers.get(item.linkId());
            if (value == null) continue;
            if (instrument.answerSet(item.answerSet()).withValue(value).isEmpty())
                throw new InvalidAnswers("Question " + number + " has an answer it does not offer. Choose one of its answers.");
            ordered.put(item.linkId(), value);
        }
        return ordered;
    }
}
