package org.rapport.goals;

import java.time.LocalDate;
import java.util.Locale;

/** The relationship's goal attainment T-score as it stood on a day, and how many goals it counted. */
public record TScorePoint(LocalDate on, double tScore, int goals) {

    /** The T-score to one decimal place, as the pages show it. */
    public String rounded() {
        return String.format(Locale.UK, "%.1f", tScore);
    }
}
