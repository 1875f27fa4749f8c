package org.rapport.measures;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rapport.measures.outcomes.ChangeClassification;

/**
 * A relationship's scores on one instrument, oldest first, and the change from the first to the
 * latest classified by reliable change (null with fewer than two scores, or when the instrument has
 * no reliable-change value).
 */
public record ScoreView(String instrumentKey, String label, @Nullable String cutOffMeaning, List<ScoredAdministration> scores,
        @Nullable ChangeClassification change) {

    public ScoreView {
        scores = List.copyOf(scores);
    }

    public @Nullable String changeLabel() {
        return change == null ? null : change.label();
    }
}
