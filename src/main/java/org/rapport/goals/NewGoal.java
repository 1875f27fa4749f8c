package org.rapport.goals;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.rapport.goals.scoring.AttainmentLevel;

/**
 * A goal being set: under a concern already identified, under a new one described in the client's
 * words, or under none; its statement in the client's words; its five levels; the level at
 * baseline; optional importance and difficulty (0–3); the day it was set (today when not given);
 * and whether it starts proposed or active (active when not given).
 */
public record NewGoal(@Nullable ConcernId concern, @Nullable String newConcern, @Nullable String statement,
        @Nullable LevelDescriptions levels, @Nullable AttainmentLevel baseline, @Nullable Integer importance,
        @Nullable Integer difficulty, @Nullable LocalDate setOn, @Nullable GoalStatus startAs) {
}
