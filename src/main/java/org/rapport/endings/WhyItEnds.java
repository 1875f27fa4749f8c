package org.rapport.endings;

import org.jspecify.annotations.Nullable;

/** Part two: why the work ends, as a reason's code and an honest explanation in plain words. */
public record WhyItEnds(@Nullable String reason, @Nullable String explanation, boolean done) {
}
