package org.rapport.platform;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Logs an unexpected error by its kind and where it happened, never by its message: messages from
 * the database or a parser can quote what was typed, and client content never goes to the logs.
 */
final class SafeErrorLog {

    private SafeErrorLog() {
    }

    static void unexpected(Logger log, String where, Throwable error) {
        log.error("Unexpected error in {}: {}", where, describe(error));
    }

    /** The chain of causes as "Type at Class.method(File:line)", without any message. */
    static String describe(Throwable error) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = error; t != null && parts.size() < 6; t = t.getCause() == t ? null : t.getCause()) {
            StackTraceElement at = firstRapportFrame(t);
            parts.add(t.getClass().getName() + (at == null ? "" : " at " + at));
        }
        return String.join(" <- caused by ", parts);
    }

    private static StackTraceElement firstRapportFrame(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        for (StackTraceElement element : trace) {
            if (element.getClassName().startsWith("org.rapport.")) return element;
        }
        return trace.length == 0 ? null : trace[0];
    }
}
