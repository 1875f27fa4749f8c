package org.rapport.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * While PostgreSQL is out of reach, every request that needs it is answered at once with 503: an
 * RFC 9457 problem for the API, a calm page for people. Ahead of the other answers, so that no
 * outage is reported as a fault of the request or a sign-in that failed.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableAnswers {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAnswers.class);

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            CannotCreateTransactionException.class})
    Object unavailable(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.warn("The database is not reachable ({}); answered {} {} with 503", e.getClass().getSimpleName(),
                request.getMethod(), request.getRequestURI());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.DETAIL);
            problem.setTitle(DatabaseUnavailable.TITLE);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        ModelAndView page = new ModelAndView("error", HttpStatus.SERVICE_UNAVAILABLE);
        page.addObject("status", 503);
        page.addObject("heading", "Rapport cannot reach its database");
        page.addObject("message", "Nothing was stored. This usually passes within a minute: go back to the form (your browser "
                + "keeps what you typed there) and send it again in a minute.");
        return page;
    }
}
