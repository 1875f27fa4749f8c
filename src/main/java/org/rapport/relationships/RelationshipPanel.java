package org.rapport.relationships;

import java.util.Map;

/**
 * A section another module adds to the relationship page (sessions, goals), drawn from that
 * module's own template: the fragment {@code panel(data)} in {@link #template()}.
 */
public interface RelationshipPanel {

    /** Where the panel stands on the page; lower comes first. */
    int order();

    /** The template holding the {@code panel(data)} fragment, e.g. {@code "sessions/panel"}. */
    String template();

    /** The panel's data, for a relationship the signed-in person may already see. */
    Map<String, Object> data(RelationshipInfo relationship);
}
