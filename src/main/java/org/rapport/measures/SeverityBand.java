package org.rapport.measures;

/**
 * A named range of totals, from and to inclusive, such as PHQ-9's 10–14 "Moderate". A total with
 * a fraction (a prorated or clinical score) falls in the band whose {@code from} it has reached,
 * so 14.5 is still "Moderate" until it reaches 15.
 */
public record SeverityBand(int from, int to, String label) {

    public SeverityBand {
        if (from > to) throw new IllegalArgumentException("A band runs from its lower total to its higher one");
        if (label.isBlank()) throw new IllegalArgumentException("A band needs a label");
    }
}
