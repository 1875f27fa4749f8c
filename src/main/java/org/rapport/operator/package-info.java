/**
 * The operator's console of a hosted Rapport: the organisations it serves, each with counts of its
 * staff, helpers, client parties and open relationships, and the commands that open, suspend and
 * reopen them. It asks the other modules for numbers only, each with that organisation in scope;
 * no name, note or record of a client ever reaches an operator.
 */
@NullMarked
package org.rapport.operator;

import org.jspecify.annotations.NullMarked;
