package org.rapport.measures;

/**
 * The clinical cut-off of an instrument: the total at (or, when not inclusive, above) which a
 * score counts as being in the clinical range. For PHQ-9 and GAD-7 that is caseness; for an
 * instrument where higher is better, such as the session check-in, meeting the cut-off is the
 * reassuring side. The meaning says in plain words what meeting it signifies and where the number
 * comes from.
 */
public record CutOff(double value, boolean inclusive, String meaning) {

    /** Whether a total is at the cut-off or beyond it ({@code ≥} when inclusive, {@code >} otherwise). */
    public boolean isMetBy(double total) {
        return inclusive ? total >= value : total > value;
    }
}
