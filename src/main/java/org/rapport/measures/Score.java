package org.rapport.measures;

import org.jspecify.annotations.Nullable;

/**
 * The score of one completed instrument.
 *
 * @param total the total, or the clinical score for a mean × 10 instrument; a double because a
 *     prorated or clinical score can carry a fraction
 * @param band the label of the severity band the total falls in, or null when the instrument has
 *     no bands
 * @param meetsCutOff whether the total is at or beyond the clinical cut-off (caseness for PHQ-9 and
 *     GAD-7); false when the instrument has none
 * @param riskEndorsed whether any risk item was answered above its lowest answer
 * @param answeredItems how many items were answered
 * @param prorated whether the total was scaled up for unanswered items
 * @param riskItemUnanswered whether a risk item was left unanswered: the total may stand, but says
 *     nothing about that risk, and the helper is told (decision 24)
 */
public record Score(
        double total,
        @Nullable String band,
        boolean meetsCutOff,
        boolean riskEndorsed,
        int answeredItems,
        boolean prorated,
        boolean riskItemUnanswered) {}
