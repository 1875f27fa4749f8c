package org.rapport.measures.outcomes;

/**
 * Whether the change between a first and a latest score is bigger than measurement error, in the
 * sense of Jacobson &amp; Truax (1991, "Clinical significance: a statistical approach to defining
 * meaningful change in psychotherapy research", <i>J Consult Clin Psychol</i> 59(1):12–19) and of
 * the NHS Talking Therapies Manual's reliable improvement and reliable deterioration.
 */
public enum ChangeClassification {

    /** The score moved in the better direction by at least the reliable-change amount. */
    RELIABLE_IMPROVEMENT("Reliable improvement"),

    /** Any change is within measurement error. */
    NO_RELIABLE_CHANGE("No reliable change"),

    /** The score moved in the worse direction by at least the reliable-change amount. */
    RELIABLE_DETERIORATION("Reliable deterioration");

    private final String label;

    ChangeClassification(String label) {
        this.label = label;
    }

    /** The classification in plain words, for pages. */
    public String label() {
        return label;
    }
}
