package org.rapport.sessions;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Continuity of care in one figure: of the sessions the client attended, how many the current
 * lead helper was at (a helper of the session when it was made, or moved to it at a handover).
 * {@code percent} is rounded to the nearest whole number, and absent while nothing was attended.
 */
public record Continuity(int attendedSessions, int withLeadHelper, UUID leadHelperId, String leadHelperName,
        @Nullable Integer percent, String summary) {

    public static Continuity of(int attendedSessions, int withLeadHelper, UUID leadHelperId, String leadHelperName) {
        if (attendedSessions < 0 || withLeadHelper < 0 || withLeadHelper > attendedSessions) {
            throw new IllegalArgumentException("with the lead helper is a part of the attended sessions");
        }
        if (attendedSessions == 0) {
            return new Continuity(0, 0, leadHelperId, leadHelperName, null, "No attended sessions yet.");
        }
        int percent = Math.round(100f * withLeadHelper / attendedSessions);
        return new Continuity(attendedSessions, withLeadHelper, leadHelperId, leadHelperName, percent,
                withLeadHelper + " of " + attendedSessions + " attended " + (attendedSessions == 1 ? "session" : "sessions")
                        + " with " + leadHelperName + " (" + percent + "%)");
    }
}
