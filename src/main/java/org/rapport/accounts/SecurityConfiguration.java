package org.rapport.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import org.rapport.platform.DatabaseUnavailable;
import org.rapport.shared.Tenancy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two doors: the pages (form sign-in, session cookie, CSRF tokens) and the HTTP API under
 * {@code /api} (HTTP Basic on every request, no session, so no cookie can be forged into a call).
 * Both send the same security headers, and both put the signed-in user's organisation in scope.
 * Both sign in through {@link ThrottledSignIn}, so repeated failures pause sign-in at either door.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInLimits.class)
class SecurityConfiguration {

    /** The session attributes that carry the typed sign-in name, and the wait, back to the sign-in page. */
    static final String TYPED_USERNAME = "rapport.sign-in.username";
    static final String PAUSED_MINUTES = "rapport.sign-in.paused-minutes";

    /** No inline script or style anywhere; nothing may frame a page. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Clients have no pages and no API yet: everything behind the sign-in is for the organisation's staff. */
    private static final String[] STAFF = {Role.ADMIN.name(), Role.SUPERVISOR.name(), Role.HELPER.name()};

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating: hashes with bcrypt today, and records the algorithm so it can move on later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    ThrottledSignIn throttledSignIn(AccountManagement accounts, PasswordEncoder passwords, SignInThrottle throttle,
            SignInLimits limits, ApplicationEventPublisher events) {
        return new ThrottledSignIn(accounts, passwords, throttle, limits, events);
    }

    @Bean
    @Order(1)
    SecurityFilterChain httpApi(HttpSecurity http, ThrottledSignIn signIn, ApiTokenManagement tokens,
            SecondFactors secondFactors) throws Exception {
        http.securityMatcher("/api/**")
                // A password alone is not enough for an account that signs in with a second factor.
                .authenticationManager(attempt -> {
                    Authentication signedIn = signIn.authenticate(attempt);
                    if (signedIn.getPrincipal() instanceof SignedInUser user
                            && secondFactors.secondStepFor(user) != SecondFactors.SecondStep.NONE) {
                        throw new SecondFactorNeeded();
                    }
                    return signedIn;
                })
                .authorizeHttpRequests(requests -> requests
                        // The invited person accepts with the token from their link; nobody is signed in yet.
                        .requestMatchers(HttpMethod.POST, "/api/invitations/accept").permitAll()
                        // So does someone who forgot their password, asking for a link and then using it.
                        .requestMatchers(HttpMethod.POST, "/api/password-resets", "/api/password-resets/complete").permitAll()
                        // An operator's door, and theirs only; every other door below is for an organisation's staff.
                        .requestMatchers("/api/operator/**").hasRole(SignedInOperator.ROLE)
                        // Changing the organisation's people is an admin's work: refused before the body is read,
                        // so a caller without the role learns nothing from how their request would be checked.
                        .requestMatchers(HttpMethod.POST, "/api/helpers/**", "/api/teams/**", "/api/supervision/**",
                                "/api/accounts/**", "/api/invitations/**", "/api/invitations")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/helpers/**", "/api/teams/**", "/api/supervision/**",
                                "/api/invitations/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.PUT, "/api/organisation/**").hasRole(Role.ADMIN.name())
                        // Staff email addresses and what was sent to them are an admin's to see.
                        .requestMatchers(HttpMethod.GET, "/api/organisation/mail", "/api/invitations").hasRole(Role.ADMIN.name())
                        .anyRequest().hasAnyRole(STAFF))
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::signInNeeded))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No cookie authenticates an API call, so there is no session for a forged request to ride on.
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(SecurityConfiguration::signInNeeded)
                        .accessDeniedHandler((request, response, e) -> problem(response, HttpStatus.FORBIDDEN,
                                "Not allowed", "Your role does not allow this.")))
                .headers(SecurityConfiguration::headers)
                // A personal token is tried first: a call that carries one never costs a bcrypt check.
                .addFilterBefore(new ApiTokenFilter(tokens), BasicAuthenticationFilter.class)
                .addFilterAfter(new OrganisationScopeFilter(), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ThrottledSignIn signIn, SignInSecondStep secondStep) throws Exception {
        http.authenticationManager(signIn)
                .securityContext(context -> context.securityContextRepository(SignInSecondStep.CONTEXTS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/v3/api-docs", "/v3/api-docs/**", "/calendar/**", "/m/**", "/f/**",
                                "/reconnect/**", "/invitation/**", "/forgot-password", "/reset-password/**",
                                // First-run setup, opened by its one-time code while nobody can sign in.
                                "/setup")
                        .permitAll()
                        // Between the password and the second factor, only the second step is open.
                        .requestMatchers("/login/code", "/login/set-up").hasRole(SecondFactorPending.ROLE)
                        .requestMatchers("/operator/**", "/operator").hasRole(SignedInOperator.ROLE)
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().hasAnyRole(STAFF))
                .formLogin(form -> form.loginPage("/login").successHandler(secondStep::passwordMatched)
                        .failureHandler(SecurityConfiguration::signInFailed).permitAll())
                .exceptionHandling(errors -> errors.accessDeniedHandler(SecurityConfiguration::notAllowedPage))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(SecurityConfiguration::headers)
                .addFilterAfter(new OrganisationScopeFilter(), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    private static void headers(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .contentTypeOptions(nosniff -> { })
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    /**
     * A sign-in that could not be checked because the database is away is not a wrong password:
     * the caller is told to come back, not to sign in again. A paused sign-in is told when to.
     */
    private static void signInNeeded(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (DatabaseUnavailable.causedBy(e)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            problem(response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.TITLE, DatabaseUnavailable.DETAIL);
        } else if (e instanceof SecondFactorNeeded) {
            problem(response, HttpStatus.UNAUTHORIZED, "Second factor needed", "This account signs in with a second "
                    + "factor, which HTTP Basic cannot carry. Call the API with a personal API token instead "
                    + "(Authorization: Bearer …); issue one on the API tokens page.",
                    "urn:rapport:problem:second-factor-needed");
        } else if (e instanceof SignInPaused paused) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(paused.retryAfterSeconds()));
            problem(response, HttpStatus.TOO_MANY_REQUESTS, "Sign-in paused", "Too many sign-in attempts "
                    + "failed, so sign-in is paused for a while. Try again after the time in Retry-After.",
                    "urn:rapport:problem:sign-in-paused");
        } else {
            problem(response, HttpStatus.UNAUTHORIZED, "Sign-in needed",
                    "Send a Rapport sign-in name and password with HTTP Basic authentication.");
        }
    }

    /**
     * Someone whose sign-in waits for its second factor is led back to it from any other page;
     * anyone else is told their role does not allow the page.
     */
    private static void notAllowedPage(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.access.AccessDeniedException e) throws IOException, ServletException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInOperator
                && (request.getContextPath() + "/").equals(request.getRequestURI())) {
            // An operator has no organisation's home page; their own is the organisations list.
            response.sendRedirect(request.getContextPath() + "/operator");
        } else if (SignInSecondStep.isPending(authentication)) {
            response.sendRedirect(request.getContextPath()
                    + (((SecondFactorPending) authentication).settingUp() ? "/login/set-up" : "/login/code"));
        } else {
            new AccessDeniedHandlerImpl().handle(request, response, e);
        }
    }

    /**
     * Back to the sign-in page with the name as typed: saying the password did not match, or that
     * sign-in is paused, in the same words whether the name has an account or not; or that the
     * database could not be reached to check it.
     */
    private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        if (DatabaseUnavailable.causedBy(e)) {
            // Sessions are kept in the database too: nothing is written to one while it is away.
            response.sendRedirect(request.getContextPath() + "/login?unavailable");
            return;
        }
        HttpSession session = request.getSession();
        String typed = request.getParameter("username");
        String name = typed == null ? "" : typed.strip();
        session.setAttribute(TYPED_USERNAME, name.length() <= 120 ? name : name.substring(0, 120));
        if (e instanceof SignInPaused paused) {
            session.setAttribute(PAUSED_MINUTES, paused.retryAfterMinutes());
            response.sendRedirect(request.getContextPath() + "/login?paused");
        } else {
            session.removeAttribute(PAUSED_MINUTES);
            response.sendRedirect(request.getContextPath() + "/login?error");
        }
    }

    static void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        problem(response, status, title, detail, "about:blank");
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String title, String detail,
            String type) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\"}");
    }

    /** Puts the signed-in user's organisation in scope for the rest of the request, and takes it away after. */
    static final class OrganisationScopeFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
                Tenancy.enter(user.organisation());
            }
            try {
                chain.doFilter(request, response);
            } finally {
                Tenancy.leave();
            }
        }
    }
}
