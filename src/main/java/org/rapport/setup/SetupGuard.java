package org.rapport.setup;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While nobody can sign in, every page leads to the setup page, and the HTTP API answers 503
 * "Rapport is not set up yet": there is no sign-in to send anyone to. Runs before Spring Security,
 * which would otherwise send a person to a sign-in that cannot succeed.
 */
final class SetupGuard extends OncePerRequestFilter {

    static final String TITLE = "Rapport is not set up yet";
    static final String DETAIL = "Nobody can sign in until the first organisation and its admin are set up, "
            + "with the setup page or the RAPPORT_SETUP_* start-up variables.";

    /** What a person needs on the way to the setup page, and what watches Rapport from outside. */
    private static final List<String> OPEN = List.of("/setup", "/css/", "/js/", "/webjars/", "/favicon.ico", "/error",
            "/actuator/");

    private final FirstRunSetup setup;

    SetupGuard(FirstRunSetup setup) {
        this.setup = setup;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!setup.pageEnabled() || OPEN.stream().anyMatch(path::startsWith) || setup.isSetUp()) {
            chain.doFilter(request, response);
        } else if (path.equals("/api") || path.startsWith("/api/")) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + TITLE + "\",\"status\":503,"
                    + "\"detail\":\"" + DETAIL + "\"}");
        } else {
            response.sendRedirect(request.getContextPath() + "/setup");
        }
    }
}
