package org.rapport.goals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.rapport.goals.scoring.GoalAttainmentScaling;
import org.rapport.goals.scoring.WeightedAttainment;

/**
 * A relationship's T-score from its goals: the goals that count (active, achieved or not achieved)
 * at their latest rating, now and on each day a counted goal was rated.
 */
final class TScores {

    private TScores() {
    }

    /** The T-score from each counted goal's latest rating, or null when no counted goal is rated. */
    static @Nullable TScorePoint now(List<Goal> goals) {
        List<Goal> counted = counted(goals);
        return counted.stream().flatMap(g -> g.latestRating().stream()).map(GoalRating::ratedOn)
                .max(LocalDate::compareTo).map(day -> on(counted, day)).orElse(null);
    }

    /** One point per day on which a counted goal was rated, oldest first. */
    static List<TScorePoint> history(List<Goal> goals) {
        List<Goal> counted = counted(goals);
        TreeSet<LocalDate> days = new TreeSet<>();
        counted.forEach(g -> g.ratings().forEach(r -> days.add(r.ratedOn())));
        return days.stream().map(day -> on(counted, day)).toList();
    }

    private static List<Goal> counted(List<Goal> goals) {
        return goals.stream().filter(g -> g.status().countsInTScore()).toList();
    }

    private static TScorePoint on(List<Goal> counted, LocalDate day) {
        List<WeightedAttainment> attainments = counted.stream()
                .map(g -> g.latestRatingOn(day).map(r -> new WeightedAttainment(r.attainment(), g.weight())))
                .flatMap(Optional::stream).toList();
        return new TScorePoint(day, GoalAttainmentScaling.tScore(attainments), attainments.size());
    }
}
