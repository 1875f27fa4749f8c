/**
 * Goals: the concerns identified with the client, the goals set against them in the client's own
 * words, each scaled for goal attainment from −2 to +2, rated over the sessions where it is worked
 * on, with its action steps; and the relationship's goal attainment T-score over time.
 *
 * <p>It keeps goals, never session notes; it asks the relationships and sessions modules who may see
 * or change the work, and never reaches into their tables. The arithmetic lives in {@code scoring},
 * which other modules may use.
 */
@NullMarked
package org.rapport.goals;

import org.jspecify.annotations.NullMarked;
