package org.rapport.accounts;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;

/**
 * The second step of signing in to the pages. After the password matches, someone with a second
 * factor is asked for its code, and someone whose organisation requires one but who has none yet
 * sets it up first; only then are they signed in, with a new session id. Wrong codes count towards
 * the same sign-in pause as wrong passwords.
 */
@Service
public class SignInSecondStep {

    static final String SETTING_UP = "rapport.second-factor.setting-up";

    /** Where the session's security context is kept, shared with the sign-in form. */
    static final SecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

    private final SecondFactors secondFactors;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SavedRequestAwareAuthenticationSuccessHandler onward = new SavedRequestAwareAuthenticationSuccessHandler();

    SignInSecondStep(SecondFactors secondFactors, SignInThrottle throttle, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.secondFactors = secondFactors;
        this.throttle = throttle;
        this.clock = clock;
        onward.setDefaultTargetUrl("/");
    }

    /** After the password matched: signs in, or holds the sign-in for the second step and sends the person there. */
    void passwordMatched(HttpServletRequest request, HttpServletResponse response, Authentication signedIn)
            throws IOException, ServletException {
        if (signedIn.getPrincipal() instanceof SignedInOperator) {
            // An operator's work is the organisations list; they have no page in any organisation.
            SignedInSessions.signedIn(request, clock.instant());
            response.sendRedirect(request.getContextPath() + "/operator");
            return;
        }
        SecondFactors.SecondStep step = secondFactors.secondStepFor((SignedInUser) signedIn.getPrincipal());
        if (step == SecondFactors.SecondStep.NONE) {
            SignedInSessions.signedIn(request, clock.instant());
            record((SignedInUser) signedIn.getPrincipal(), "Signed in with a password");
            onward.onAuthenticationSuccess(request, response, signedIn);
            return;
        }
        keep(new SecondFactorPending(signedIn, step == SecondFactors.SecondStep.SET_UP), request, response);
        response.sendRedirect(request.getContextPath() + (step == SecondFactors.SecondStep.CODE ? "/login/code" : "/login/set-up"));
    }

    /** The sign-in waiting for its second step in this session, if there is one. */
    public Optional<PendingSignIn> pending() {
        return pendingToken().map(p -> new PendingSignIn(p.user().getDisplayName(), p.settingUp()));
    }

    /**
     * Takes the code (or a recovery code) of a pending sign-in. When it matches, the person is
     * signed in and sent on; the answer is then already written.
     *
     * @return false when the code did not match (or sign-in is paused), and nothing was written
     */
    public Outcome code(@Nullable String code, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        SecondFactorPending pending = pendingToken().filter(p -> !p.settingUp())
                .orElseThrow(() -> new IllegalStateException("no sign-in is waiting for a code"));
        String name = SignInThrottle.key(pending.user().getUsername());
        String address = request.getRemoteAddr();
        if (throttle.pausedFor(name, address).isPresent()) return Outcome.PAUSED;
        Optional<SecondFactors.Used> used = secondFactors.verify(pending.user().organisation(), pending.user().accountId(), code);
        if (used.isEmpty()) {
            SignInThrottle.Failure failure = throttle.failed(name, address);
            record(pending.user(), "Sign-in failed: wrong second-factor code");
            return failure.accountPausedUntil() != null || failure.addressPausedUntil() != null ? Outcome.PAUSED : Outcome.WRONG;
        }
        throttle.succeeded(name);
        // A recovery code's sign-in is written once already, with the notice to its owner.
        complete(pending, request, response,
                used.get() == SecondFactors.Used.RECOVERY_CODE ? null : "Signed in with a password and " + used.get().said);
        onward.onAuthenticationSuccess(request, response, pending.signedIn());
        return Outcome.SIGNED_IN;
    }

    public enum Outcome { SIGNED_IN, WRONG, PAUSED }

    /** A new secret for a pending sign-in that must set up its second factor, kept in the session until confirmed. */
    public SecondFactorEnrolment setUp(HttpServletRequest request) {
        SecondFactorPending pending = pendingToken().filter(SecondFactorPending::settingUp)
                .orElseThrow(() -> new IllegalStateException("no sign-in is waiting to set up a second factor"));
        Object kept = request.getSession().getAttribute(SETTING_UP);
        if (kept instanceof SecondFactorEnrolment enrolment) return enrolment;
        SecondFactorEnrolment enrolment = secondFactors.begin(pending.user().getUsername());
        request.getSession().setAttribute(SETTING_UP, enrolment);
        return enrolment;
    }

    /**
     * Confirms the set-up with a code from the app and signs the person in. Returns their recovery
     * codes, to be shown once before they go on.
     *
     * @throws RuleBroken when the code does not match
     */
    public List<String> confirmSetUp(@Nullable String code, HttpServletRequest request, HttpServletResponse response) {
        SecondFactorPending pending = pendingToken().filter(SecondFactorPending::settingUp)
                .orElseThrow(() -> new IllegalStateException("no sign-in is waiting to set up a second factor"));
        SecondFactorEnrolment enrolment = setUp(request);
        CurrentUser person = pending.user().asCurrentUser();
        List<String> recovery = Tenancy.callAs(person.organisationId(), () -> secondFactors.confirm(person, enrolment, code));
        request.getSession().removeAttribute(SETTING_UP);
        complete(pending, request, response, "Signed in with a password and a second factor set up now");
        return recovery;
    }

    /** Signs the pending sign-in in, and writes it to the account's audit trail once, saying with what. */
    private void complete(SecondFactorPending pending, HttpServletRequest request, HttpServletResponse response,
            @Nullable String how) {
        // A new session id for the signed-in session, as at any sign-in.
        request.changeSessionId();
        keep(pending.signedIn(), request, response);
        SignedInSessions.signedIn(request, clock.instant());
        if (how != null) record(pending.user(), how);
    }

    private void record(SignedInUser user, String what) {
        events.publishEvent(new SignInRecorded(user.accountId(), user.organisation(), what));
    }

    private static void keep(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        CONTEXTS.saveContext(context, request, response);
    }

    private static Optional<SecondFactorPending> pendingToken() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof SecondFactorPending pending
                ? Optional.of(pending) : Optional.empty();
    }

    /** Whether this authentication still waits for its second step. */
    static boolean isPending(@Nullable Authentication authentication) {
        return authentication instanceof SecondFactorPending;
    }
}
