/**
 * Measures: the instruments a client answers to show how they are and how the relationship feels
 * to them, written as data, and the arithmetic that turns answers into a score.
 *
 * <p>The base package holds the instrument definition format, the instruments that ship with
 * Rapport (PHQ-9, GAD-7 and Rapport's own session check-in) and their scoring: totals, severity
 * bands, the clinical cut-off, proration and the risk item. It stores nothing and knows nothing of
 * clients or relationships; administering an instrument and following scores over time are built
 * on top of it.
 */
@NullMarked
package org.rapport.measures;

import org.jspecify.annotations.NullMarked;
