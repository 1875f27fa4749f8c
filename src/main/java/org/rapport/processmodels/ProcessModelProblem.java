package org.rapport.processmodels;

/**
 * One thing wrong with an uploaded process model, pointing at where to fix it.
 *
 * <p>The line is 1-based, as an editor shows it. The field is a path such as
 * {@code phases[2].tasks}, with zero-based list positions, or empty when the problem concerns the
 * file as a whole.
 */
public record ProcessModelProblem(int line, String field, String message) {

    /** Reads as "line 12, phases[2].tasks: a phase needs at least one task". */
    @Override
    public String toString() {
        return field.isEmpty()
                ? "line " + line + ": " + message
                : "line " + line + ", " + field + ": " + message;
    }
}
