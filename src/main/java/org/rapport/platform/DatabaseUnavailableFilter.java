package org.rapport.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outermost answer to the database being out of reach. Work inside the pages and the API is
 * answered by {@link DatabaseUnavailableAnswers}; this catches what fails around them, where the
 * signed-in session is read before a request and saved after it (the sessions live in the
 * database), so that a person is still shown the calm page and a caller the 503 problem, never a
 * stack trace or a sign-in prompt.
 */
final class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
    private static final byte[] PAGE = page();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!DatabaseUnavailable.causedBy(failure) || response.isCommitted()) throw failure;
            log.warn("The database is not reachable ({}); answered {} {} with 503", failure.getClass().getSimpleName(),
                    request.getMethod(), request.getRequestURI());
            response.reset();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        DatabaseUnavailable.DETAIL);
                problem.setTitle(DatabaseUnavailable.TITLE);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(problem));
            } else {
                response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
                response.getOutputStream().write(PAGE);
            }
        }
    }

    private static byte[] page() {
        try (InputStream page = DatabaseUnavailableFilter.class.getResourceAsStream("database-unavailable.html")) {
            if (page == null) throw new IllegalStateException("database-unavailable.html is missing from the build");
            return page.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
