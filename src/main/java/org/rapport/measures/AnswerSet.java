package org.rapport.measures;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A named list of answers shared by several questions, such as PHQ-9's "Not at all" to "Nearly
 * every day". It maps to a FHIR ValueSet contained in the Questionnaire, or to each item's
 * {@code answerOption} list.
 */
public record AnswerSet(String key, List<AnswerOption> options) {

    public AnswerSet {
        options = List.copyOf(options);
        if (options.size() < 2) throw new IllegalArgumentException("Answer set " + key + " needs at least two options");
        var codes = new HashSet<String>();
        var values = new HashSet<Integer>();
        for (var option : options) {
            if (!codes.add(option.code()))
                throw new IllegalArgumentException("Answer set " + key + " uses the code " + option.code() + " twice");
            if (!values.add(option.value()))
                throw new IllegalArgumentException("Answer set " + key + " uses the value " + option.value() + " twice");
        }
    }

    public int lowest() {
        return options.stream().mapToInt(AnswerOption::value).min().orElseThrow();
    }

    public int highest() {
        return options.stream().mapToInt(AnswerOption::value).max().orElseThrow();
    }

    public Optional<AnswerOption> withValue(int value) {
        return options.stream().filter(option -> option.value() == value).findFirst();
    }
}
