package org.rapport.measures.outcomes;

/**
 * Jacobson &amp; Truax's (1991, <i>J Consult Clin Psychol</i> 59(1):12–19) four outcome categories,
 * as the {@code AWKruijt/JT-RCI} implementation names them.
 */
public enum ClinicalSignificanceCategory {

    /** A reliable improvement that also crossed the cut-off from the clinical to the functional side. */
    RECOVERED("Recovered"),

    /** A reliable improvement that did not cross the cut-off. */
    IMPROVED("Improved"),

    /** No reliable change. */
    UNCHANGED("Unchanged"),

    /** A reliable change in the worse direction. */
    DETERIORATED("Deteriorated");

    private final String label;

    ClinicalSignificanceCategory(String label) {
        this.label = label;
    }

    /** The category in plain words, for pages. */
    public String label() {
        return label;
    }
}
