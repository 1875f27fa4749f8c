package org.rapport.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The embedded server will not open its data folder as it stands (an earlier PostgreSQL major, its
 * passwords missing); nothing was changed, and the message says what to do.
 */
final class EmbeddedDatabaseRefused extends IllegalStateException {

    private final String problem;
    private final String action;

    EmbeddedDatabaseRefused(String problem, String action) {
        super(problem + " " + action);
        this.problem = problem;
        this.action = action;
    }

    /** Shows the message as Spring Boot's start-up failure report, not at the bottom of a stack trace. */
    static final class Analyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseRefused> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseRefused cause) {
            return new FailureAnalysis(cause.problem, cause.action, cause);
        }
    }
}
