/**
 * Alerts: a named policy noticed that a relationship needs attention (a risk item endorsed, the
 * work not on track, the alliance slipping). An alert goes to the relationship's helpers and their
 * supervisors, stands at the top of the caseload until someone acknowledges it with what they did,
 * and is never deleted. Other modules raise alerts inside their own transaction; the reason is
 * the policy's plain wording and never carries client content.
 */
@NullMarked
package org.rapport.alerts;

import org.jspecify.annotations.NullMarked;
