package org.rapport.relationships;

import java.util.Map;

/**
 * A section another module adds to the caseload page above the relationships (follow-ups that have
 * fallen due), drawn from that module's own template: the fragment {@code section(data)} in
 * {@link #template()}. Its data is for the person signed in; a module with nothing to show returns
 * an empty map and the section is left out.
 */
public interface CaseloadSection {

    /** Where the section stands; lower comes first. */
    int order();

    /** The template holding the {@code section(data)} fragment, e.g. {@code "followups/caseload"}. */
    String template();

    /** The section's data for the person signed in; empty when there is nothing to show. */
    Map<String, Object> data();
}
