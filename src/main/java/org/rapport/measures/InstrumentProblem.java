package org.rapport.measures;

/**
 * One thing wrong with an instrument definition, pointing at where to fix it.
 *
 * <p>The line is 1-based, as an editor shows it. The field is a path such as
 * {@code items[8].answers}, with zero-based list positions, or empty when the problem concerns the
 * file as a whole.
 */
public record InstrumentProblem(int line, String field, String message) {

    /** Reads as "line 12, items[2].answers: there is no answer set 'often'". */
    @Override
    public String toString() {
        return field.isEmpty()
                ? "line " + line + ": " + message
                : "line " + line + ", " + field + ": " + message;
    }
}
