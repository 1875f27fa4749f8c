package org.rapport.measures;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a questionnaire form's answers: one {@code item-<link id>} field per question, holding the
 * answer's value. A blank field is an unanswered question; a field for a question the instrument
 * does not have, or a value that is not a whole number, is refused. Every page that asks a
 * questionnaire (a one-time link, entry in a session, a follow-up) reads its answers here.
 */
public final class AnswerFields {

    public static final String PREFIX = "item-";

    private AnswerFields() {
    }

    /** The answers given, by link id; refuses a question the instrument does not have (or no instrument). */
    public static Map<String, Integer> read(@Nullable InstrumentDefinition instrument, Map<String, String> params) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (!param.getKey().startsWith(PREFIX)) continue;
            String linkId = param.getKey().substring(PREFIX.length());
            if (instrument == null || instrument.item(linkId).isEmpty())
                throw new InvalidAnswers("The answers include a question this questionnaire does not have.");
            String value = param.getValue() == null ? "" : param.getValue().strip();
            if (value.isEmpty()) continue;
            int number = instrument.items().indexOf(instrument.item(linkId).get()) + 1;
            try {
                if (value.length() > 3) throw new NumberFormatException();
                answers.put(linkId, Integer.valueOf(value));
            } catch (NumberFormatException e) {
                throw new InvalidAnswers("Question " + number + " has an answer it does not offer. Choose one of its answers.");
            }
        }
        return answers;
    }

    /** Whatever could be read of the answers, for showing the form again after a refusal. */
    public static Map<String, Integer> lenient(@Nullable InstrumentDefinition instrument, Map<String, String> params) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        if (instrument == null) return answers;
        for (var item : instrument.items()) {
            String value = params.get(PREFIX + item.linkId());
            if (value == null) continue;
            try {
                int parsed = Integer.parseInt(value.strip());
                if (instrument.optionsFor(item).stream().anyMatch(o -> o.value() == parsed)) answers.put(item.linkId(), parsed);
            } catch (NumberFormatException e) {
                // not shown again
            }
        }
        return answers;
    }
}
