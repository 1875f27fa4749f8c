/**
 * Helping relationships: the referral, the helper and client parties, the process model the work
 * follows and where it stands in it, the working agreement with every revision and its acceptance,
 * and the status from referral to ending. It owns who may see and change a relationship within an
 * organisation; it never stores notes or measures (their modules do) and never reaches into another
 * module's tables.
 */
@NullMarked
package org.rapport.relationships;

import org.jspecify.annotations.NullMarked;
