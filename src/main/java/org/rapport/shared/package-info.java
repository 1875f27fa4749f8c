/**
 * Small, stable values every module may use: the organisation id, the organisation in scope, the
 * two kinds of refusal (a broken rule, a record not found), the checks free text gets and the
 * line-numbered reading of YAML files written by hand. Nothing else belongs here.
 */
@NullMarked
package org.rapport.shared;

import org.jspecify.annotations.NullMarked;
