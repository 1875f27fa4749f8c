package org.rapport.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.rapport.platform.DatabaseUnavailable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs an API call in with a personal token ({@code Authorization: Bearer rpt_…}), before HTTP
 * Basic would try a password. A read-only token may only read: anything but GET, HEAD and OPTIONS
 * is refused here, whatever the person's role would allow.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

    private final ApiTokenManagement tokens;

    ApiTokenFilter(ApiTokenManagement tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokenAuthentication> signedIn;
        try {
            signedIn = tokens.authenticate(header.substring(7).strip());
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e)) throw e;
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            SecurityConfiguration.problem(response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.TITLE,
                    DatabaseUnavailable.DETAIL);
            return;
        }
        if (signedIn.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            SecurityConfiguration.problem(response, HttpStatus.UNAUTHORIZED, "API token not accepted",
                    "The token is unknown, expired or revoked, or its account is switched off.");
            return;
        }
        if (signedIn.get().scope() == ApiTokenScope.READ && !READING.contains(request.getMethod())) {
            SecurityConfiguration.problem(response, HttpStatus.FORBIDDEN, "Not allowed",
                    "This API token may only read; issue a read-and-change token to make changes.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
