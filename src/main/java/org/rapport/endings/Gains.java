package org.rapport.endings;

import org.jspecify.annotations.Nullable;

/**
 * Part one: the gains made, as the helper sums them up from the facts beside them, and what the
 * client said helped, in their words.
 */
public record Gains(@Nullable String summary, @Nullable String clientWords, boolean done) {
}
