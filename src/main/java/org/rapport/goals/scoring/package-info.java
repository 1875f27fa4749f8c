/**
 * Goal Attainment Scaling as arithmetic: attainment levels, goal weights and the Kiresuk–Sherman
 * T-score. Pure and stateless, so other modules (measures, endings) may use it; it never stores or
 * reads a goal.
 */
@NullMarked
@NamedInterface("scoring")
package org.rapport.goals.scoring;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
