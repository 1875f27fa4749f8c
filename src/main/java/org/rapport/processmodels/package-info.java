/**
 * Process models as data: the named, ordered phases a helping relationship moves through, and for
 * each phase its tasks, the skills that fit it and the signs that it is time to move on. The
 * module owns the five built-in models, the YAML format in which organisations may write their
 * own, and the checks that keep every model ending in an ending. It never records where a
 * particular relationship stands; that belongs to the relationships module.
 */
@NullMarked
package org.rapport.processmodels;

import org.jspecify.annotations.NullMarked;
