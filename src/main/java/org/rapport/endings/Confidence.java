package org.rapport.endings;

import org.jspecify.annotations.Nullable;

/**
 * Part three: confidence moving forward, a maintenance plan in the client's words.
 */
public record Confidence(@Nullable String warningSigns, @Nullable String whatHelps, @Nullable String peopleToContact,
        @Nullable String crisisPlan, boolean done) {
}
