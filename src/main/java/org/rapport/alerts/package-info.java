/**
 * Alerts: a named policy noticed that a relationship needs attention (a risk item endorsed, the
 * work not on track, the alliance slipping, the work lapsing, the agreement review overdue). An alert goes to the relationship's helpers and their
 * supervisors, stands at the top of the caseload until someone acknowledges it with what they did,
 * and is never deleted. Other modules raise alerts inside their own transaction; the reason is
 * the policy's plain wording and never carries client content. Conditions that last over days
 * (lapsing, review overdue) are raised by the daily {@link org.rapport.alerts.AlertSweep} from the
 * {@link org.rapport.alerts.AlertConditions} other modules declare.
 */
@NullMarked
package org.rapport.alerts;

import org.jspecify.annotations.NullMarked;
