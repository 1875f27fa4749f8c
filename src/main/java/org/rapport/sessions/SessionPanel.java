package org.rapport.sessions;

import java.util.Map;

/**
 * A section another module adds to the session page (notes, goals), drawn from that module's own
 * template: the fragment {@code panel(data)} in {@link #template()}.
 */
public interface SessionPanel {

    /** Where the panel stands on the page; lower comes first. */
    int order();

    /** The template holding the {@code panel(data)} fragment, e.g. {@code "notes/session-panel"}. */
    String template();

    /** The panel's data, for a session the signed-in person may already see. */
    Map<String, Object> data(SessionInfo session);
}
