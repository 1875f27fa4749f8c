/**
 * Relationship health: one panel on the relationship page that puts side by side how the client is
 * doing and how the work is going — outcome measures against their cut-off and expected-change
 * band, session check-ins, the goal attainment T-score, attendance and the phase of the work.
 *
 * <p>It only reads, through the public APIs of the relationships, process models, sessions, goals
 * and measures modules, which audit their own reads. It stores nothing, raises no alerts and never
 * recomputes a score another module owns; it only shapes them into charts, each with a table of the
 * same numbers for people who cannot see the chart.
 */
@NullMarked
package org.rapport.health;

import org.jspecify.annotations.NullMarked;
