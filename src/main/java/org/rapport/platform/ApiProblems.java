package org.rapport.platform;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.StaleVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the HTTP API as an RFC 9457 problem response: a title, a status, a detail in plain
 * words, and for invalid input the fields at fault. Never a stack trace, never client content.
 */
// Before the pages' advice (which also matches @RestController), so that it never answers an API call;
// only an unreachable database is answered earlier (DatabaseUnavailableAnswers).
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(RuleBroken.class)
    ProblemDetail ruleBroken(RuleBroken e) {
        return problem(HttpStatus.CONFLICT, "Not allowed by Rapport's rules", e.getMessage(), "rule-broken");
    }

    @ExceptionHandler(RecordNotFound.class)
    ProblemDetail notFound(RecordNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), "not-found");
    }

    // Thrown by the modules' own role checks; without this the catch-all below would answer 500.
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail notAllowed(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", "Your role does not allow this.", "not-allowed");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail staleEdit(OptimisticLockingFailureException e) {
        if (e instanceof StaleVersion stale) {
            ProblemDetail problem = problem(HttpStatus.CONFLICT, "Not the current version", stale.detail(), "stale-edit");
            problem.setProperty("currentVersion", stale.current());
            return problem;
        }
        return problem(HttpStatus.CONFLICT, "Changed by someone else",
                "This record was changed after you loaded it. Load it again, then make your change.", "stale-edit");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict(DataIntegrityViolationException e) {
        log.warn("Refused a change that the database would not accept: {}", e.getClass().getSimpleName());
        return problem(HttpStatus.CONFLICT, "Not stored",
                "The change conflicts with what is already stored (for example a duplicate). Nothing was stored.",
                "conflict");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), "invalid-request");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Some fields are missing or not valid.", "invalid-request");
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message",
                        error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage()))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** A body that is not JSON, or JSON with a value of the wrong kind: which field, and what it needed. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        UnreadableBodies.Fault fault = UnreadableBodies.of(e);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Unreadable request body", fault.detail(),
                "unreadable-body");
        if (fault.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", fault.field(), "message", fault.detail())));
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A request parameter or path segment of the wrong kind: which one, and what it needed. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() == null ? "a parameter" : e.getPropertyName();
        String detail = PlausibleDates.outOfRange(e)
                ? name + ": expected a date from " + PlausibleDates.FIRST + " to " + PlausibleDates.LAST + "."
                : name + ": expected " + UnreadableBodies.expected(e.getRequiredType()) + ".";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, "invalid-request");
        problem.setProperty("errors", List.of(Map.of("field", name, "message", detail)));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        SafeErrorLog.unexpected(log, "the HTTP API", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "Rapport could not complete this request. Nothing was stored.", "internal-error");
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:rapport:problem:" + type));
        return problem;
    }
}
