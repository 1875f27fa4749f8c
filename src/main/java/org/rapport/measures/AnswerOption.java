package org.rapport.measures;

import org.jspecify.annotations.Nullable;

/**
 * One answer a question offers: a code for storing it, the words shown, and the value it scores.
 * The LOINC answer code, where one exists, is kept for export (FHIR {@code answerOption.valueCoding}).
 */
public record AnswerOption(String code, String display, int value, @Nullable String loinc) {

    public AnswerOption {
        if (code.isBlank()) throw new IllegalArgumentException("An answer option needs a code");
        if (display.isBlank()) throw new IllegalArgumentException("Answer option " + code + " needs words to show");
    }
}
