package org.rapport.sessions;

import java.time.Clock;
import java.time.LocalDate;
import org.rapport.audit.AuditTrail;
import org.rapport.relationships.RelationshipHandedOver;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a relationship is handed over, its sessions still scheduled from today on move from the
 * helper who led to the new lead, in the same transaction: in the new helper's calendar, out of the
 * old one's. Sessions already held, and scheduled ones in the past still to be recorded, keep the
 * helpers they had (they are the story, and continuity counts from them).
 */
@Component
class HandoverListener {

    private final Sessions sessions;
    private final AuditTrail audit;
    private final Clock clock;

    HandoverListener(Sessions sessions, AuditTrail audit, Clock clock) {
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(RelationshipHandedOver handover) {
        sessions.moveUpcoming(handover.relationship(), handover.fromHelperId(), handover.toHelperId(),
                LocalDate.now(clock)).forEach(session -> audit.changed(SessionManagement.RECORD, session.id.value(),
                        session.clientPartyId, "moved an upcoming session to the new lead helper at a handover"));
    }
}
