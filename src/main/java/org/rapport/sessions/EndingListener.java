package org.rapport.sessions;

import org.rapport.audit.AuditTrail;
import org.rapport.relationships.RelationshipEnded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a relationship ends, the sessions still scheduled after the ending date no longer happen:
 * they become "cancelled by the helper", recorded by the person who closed the work, in the same
 * transaction as the closing (a failure here undoes the closing). The reason is kept in each
 * session's audit entry. Sessions on or before the ending date, and sessions already recorded, are
 * left as they are: they are the story, and a past one may still be recorded. The sessions module
 * listens to the relationships module's event because it may not depend on endings.
 */
@Component
class EndingListener {

    private final Sessions sessions;
    private final AuditTrail audit;

    EndingListener(Sessions sessions, AuditTrail audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    @EventListener
    void on(RelationshipEnded ended) {
        sessions.cancelScheduledAfter(ended.relationship(), ended.endedOn(), ended.at(), ended.byName())
                .forEach(session -> audit.changed(SessionManagement.RECORD, session.id.value(), session.clientPartyId,
                        "cancelled a scheduled session: the relationship was closed on " + ended.endedOn()));
    }
}
