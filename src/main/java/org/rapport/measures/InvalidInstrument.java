package org.rapport.measures;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Refuses an instrument definition, listing every problem found in it rather than only the first,
 * so whoever wrote the file can correct it in one go.
 */
public class InvalidInstrument extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<InstrumentProblem> problems;

    public InvalidInstrument(List<InstrumentProblem> problems) {
        super(problems.stream().map(InstrumentProblem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) throw new IllegalArgumentException("An invalid instrument has at least one problem");
        this.problems = List.copyOf(problems);
    }

    public List<InstrumentProblem> problems() {
        return problems;
    }
}
