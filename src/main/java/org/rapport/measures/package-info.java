/**
 * Measures: the instruments a client answers to show how they are and how the relationship feels
 * to them, written as data, and the arithmetic that turns answers into a score.
 *
 * <p>The base package holds the instrument definition format, the instruments that ship with
 * Rapport (PHQ-9, GAD-7 and Rapport's own session check-in), the {@link
 * org.rapport.measures.InstrumentCatalogue} that adds the organisation's own instruments (loaded by
 * an admin because the organisation holds their licence) to the shipped ones, their scoring
 * (totals, severity bands, the clinical cut-off, proration and the risk item), and {@link
 * org.rapport.measures.MeasureManagement}: measurement plans, administrations and scores.
 */
@NullMarked
package org.rapport.measures;

import org.jspecify.annotations.NullMarked;
