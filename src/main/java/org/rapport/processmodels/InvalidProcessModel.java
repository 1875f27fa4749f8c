package org.rapport.processmodels;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Refuses a process model file, listing every problem found in it rather than only the first, so
 * whoever wrote the file can correct it in one go.
 */
public class InvalidProcessModel extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<ProcessModelProblem> problems;

    public InvalidProcessModel(List<ProcessModelProblem> problems) {
        super(problems.stream().map(ProcessModelProblem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) throw new IllegalArgumentException("An invalid process model has at least one problem");
        this.problems = List.copyOf(problems);
    }

    public List<ProcessModelProblem> problems() {
        return problems;
    }
}
