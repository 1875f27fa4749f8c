package org.rapport.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.rapport.shared.RecordNotFound;

/**
 * The sessions people are signed in with, kept in the database so that every server sees the same
 * ones: each person sees theirs and can end any of them (a phone left signed in at work, say), and
 * deactivating an account ends all of its sessions at once.
 */
@Service
public class SignedInSessions {

    /** What a session remembers of its sign-in, for the person's list. */
    static final String SIGNED_IN_AT = "rapport.signed-in.at";
    static final String SIGNED_IN_FROM = "rapport.signed-in.address";
    static final String SIGNED_IN_ON = "rapport.signed-in.device";

    private final FindByIndexNameSessionRepository<? extends Session> store;

    SignedInSessions(FindByIndexNameSessionRepository<? extends Session> store) {
        this.store = store;
    }

    /** The signed-in person's sessions, the most recently used first. */
    public List<SignedInSession> mine(@Nullable String currentSessionId) {
        return sessionsOf(CurrentUser.require().username()).values().stream()
                .map(session -> view(session, currentSessionId))
                .sorted(Comparator.comparing(SignedInSession::lastActiveAt).reversed())
                .toList();
    }

    /**
     * Ends one of the signed-in person's own sessions; whoever uses it next is asked to sign in.
     *
     * @throws RecordNotFound when the person has no session with this handle (it may have ended already)
     */
    public void end(String handle) {
        Session session = sessionsOf(CurrentUser.require().username()).values().stream()
                .filter(candidate -> handleOf(candidate.getId()).equals(handle)).findFirst()
                .orElseThrow(() -> new RecordNotFound("signed-in session"));
        store.deleteById(session.getId());
    }

    /** Ends every session of the signed-in person but the one in hand; how many it ended. */
    public int endAllBut(@Nullable String currentSessionId) {
        if (currentSessionId == null) throw new AccessDeniedException("only a signed-in page can keep its own session");
        int ended = 0;
        for (String id : sessionsOf(CurrentUser.require().username()).keySet()) {
            if (!id.equals(currentSessionId)) {
                store.deleteById(id);
                ended++;
            }
        }
        return ended;
    }

    /** Ends every session signed in with this name, when its account is deactivated. */
    int endAllOf(String username) {
        Map<String, ? extends Session> sessions = sessionsOf(username);
        sessions.keySet().forEach(store::deleteById);
        return sessions.size();
    }

    /** Remembers, in a session that has just signed in, when, from where and on what. */
    static void signedIn(HttpServletRequest request, Instant at) {
        var session = request.getSession();
        session.setAttribute(SIGNED_IN_AT, at);
        session.setAttribute(SIGNED_IN_FROM, String.valueOf(request.getRemoteAddr()));
        session.setAttribute(SIGNED_IN_ON, Devices.describe(request.getHeader("User-Agent")));
    }

    private Map<String, ? extends Session> sessionsOf(String username) {
        return store.findByPrincipalName(username);
    }

    private static SignedInSession view(Session session, @Nullable String currentSessionId) {
        Instant lastActive = session.getLastAccessedTime();
        return new SignedInSession(handleOf(session.getId()), session.getAttribute(SIGNED_IN_AT), lastActive,
                lastActive.plus(session.getMaxInactiveInterval()),
                Optional.ofNullable(session.<String>getAttribute(SIGNED_IN_FROM)).orElse("Not known"),
                Optional.ofNullable(session.<String>getAttribute(SIGNED_IN_ON)).orElse("Not known"),
                session.getId().equals(currentSessionId));
    }

    /** A short, stable name for a session that cannot be turned back into its cookie. */
    static String handleOf(String sessionId) {
        byte[] digest = ApiTokenManagement.hash("session:" + sessionId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 12));
    }

    /** A plain description of the browser and system a session signed in from, for a person to recognise it. */
    static final class Devices {
        private Devices() {
        }

        static String describe(@Nullable String userAgent) {
            if (userAgent == null || userAgent.isBlank()) return "Not known";
            String browser = userAgent.contains("Edg/") ? "Edge"
                    : userAgent.contains("Firefox/") ? "Firefox"
                    : userAgent.contains("Chrome/") || userAgent.contains("Chromium/") ? "Chrome"
                    : userAgent.contains("Safari/") ? "Safari" : "A browser";
            String system = userAgent.contains("Android") ? "Android"
                    : userAgent.contains("iPhone") || userAgent.contains("iPad") ? "iOS"
                    : userAgent.contains("Windows") ? "Windows"
                    : userAgent.contains("Mac OS X") ? "macOS"
                    : userAgent.contains("Linux") ? "Linux" : "an unknown system";
            return browser + " on " + system;
        }
    }
}
