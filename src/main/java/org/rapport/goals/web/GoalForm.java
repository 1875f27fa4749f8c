package org.rapport.goals.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.goals.ConcernId;
import org.rapport.goals.GoalStatus;
import org.rapport.goals.LevelDescriptions;
import org.rapport.goals.NewGoal;
import org.rapport.goals.scoring.AttainmentLevel;

/** The form that sets a goal: its concern, the statement, the five levels, baseline and weights. */
record GoalForm(
        @Nullable UUID concernId,
        @Size(max = 2000, message = "The new concern can be at most 2000 characters.") @Nullable String newConcern,
        @NotBlank(message = "Write the goal, in the client's words.")
        @Size(max = 1000, message = "The goal can be at most 1000 characters.") @Nullable String statement,
        @NotBlank(message = "Describe level −2 (much less than expected).")
        @Size(max = 500, message = "Level −2 can be at most 500 characters.") @Nullable String levelMinusTwo,
        @NotBlank(message = "Describe level −1 (less than expected).")
        @Size(max = 500, message = "Level −1 can be at most 500 characters.") @Nullable String levelMinusOne,
        @NotBlank(message = "Describe level 0 (the expected outcome).")
        @Size(max = 500, message = "Level 0 can be at most 500 characters.") @Nullable String levelZero,
        @NotBlank(message = "Describe level +1 (more than expected).")
        @Size(max = 500, message = "Level +1 can be at most 500 characters.") @Nullable String levelPlusOne,
        @NotBlank(message = "Describe level +2 (much more than expected).")
        @Size(max = 500, message = "Level +2 can be at most 500 characters.") @Nullable String levelPlusTwo,
        @NotNull(message = "Choose the level the client is at now (the baseline).")
        @Min(value = -2, message = "The baseline is a level from −2 to +2.")
        @Max(value = 2, message = "The baseline is a level from −2 to +2.") @Nullable Integer baseline,
        @Min(value = 0, message = "Importance is rated from 0 to 3.")
        @Max(value = 3, message = "Importance is rated from 0 to 3.") @Nullable Integer importance,
        @Min(value = 0, message = "Difficulty is rated from 0 to 3.")
        @Max(value = 3, message = "Difficulty is rated from 0 to 3.") @Nullable Integer difficulty,
        @NotNull(message = "Give the day the goal was set.") @Nullable LocalDate setOn,
        @Nullable GoalStatus startAs) {

    static GoalForm blank(LocalDate today) {
        return new GoalForm(null, "", "", "", "", "", "", "", -1, null, null, today, GoalStatus.ACTIVE);
    }

    NewGoal goal() {
        return new NewGoal(concernId == null ? null : new ConcernId(concernId), newConcern, statement,
                new LevelDescriptions(levelMinusTwo, levelMinusOne, levelZero, levelPlusOne, levelPlusTwo),
                baseline == null ? null : new AttainmentLevel(baseline), importance, difficulty, setOn, startAs);
    }
}
