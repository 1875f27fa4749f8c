/**
 * Follow-up and the way back in: the check-ins that keep the door open after a relationship
 * closes, and a simple way for a former client to ask to get back in touch.
 *
 * <p>When a relationship closes ({@link org.rapport.endings.RelationshipClosed}, in the closing
 * transaction) its follow-ups are scheduled. On their dates they fall due for the former lead
 * helper, who creates a one-time link for the client. The client answers the short measure on their
 * phone and says whether they would like to get back in touch; a "yes", or the reconnect link of the
 * ending letter ({@link org.rapport.endings.ReconnectLinks}), opens a new referral back to the same
 * helper that continues the earlier relationship. {@link org.rapport.followups.FollowUpManagement}
 * is the module's API.
 */
@NullMarked
package org.rapport.followups;

import org.jspecify.annotations.NullMarked;
