package org.rapport.measures;

import org.jspecify.annotations.Nullable;

/**
 * One instrument in a relationship's measurement plan and when it is given; {@code every} is the
 * n of "every n sessions" (2 to 52) and is given only with {@link PlanTiming#EVERY_N_SESSIONS}.
 */
public record PlanEntry(String instrumentKey, PlanTiming timing, @Nullable Integer every) {}
