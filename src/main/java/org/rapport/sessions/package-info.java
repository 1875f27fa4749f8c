/**
 * Sessions: meetings between helper and client party, scheduled ahead or recorded after the fact,
 * with what happened (attended, cancelled, did not attend), who of a group or family was there, the
 * phase the relationship was in and the helping skills leaned on. It adds sessions to the
 * relationship's timeline and page, tells the caseload of last contact and lapsing (and the daily
 * alert sweep, which raises lapsing as an alert), and serves each
 * helper's upcoming sessions as a calendar feed behind a secret, revocable link.
 */
@NullMarked
package org.rapport.sessions;

import org.jspecify.annotations.NullMarked;
