/**
 * Endings: how a helping relationship ends. A planned ending is worked through in four parts (the
 * gains made, why the work ends, confidence moving forward, the open door) and closes only when
 * all four are done; an unplanned ending (dropped out, moved away, declined further help) is
 * closed with its reason. The ending letter to the client is built from the four parts.
 *
 * <p>Closing publishes {@link org.rapport.endings.RelationshipClosed}; the follow-ups that keep
 * the door open listen to it. Whoever issues reconnect links implements
 * {@link org.rapport.endings.ReconnectLinks} so the letter can carry one.
 */
@NullMarked
package org.rapport.endings;

import org.jspecify.annotations.NullMarked;
