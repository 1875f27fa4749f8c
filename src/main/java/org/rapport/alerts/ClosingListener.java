package org.rapport.alerts;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.rapport.audit.AuditTrail;
import org.rapport.relationships.RelationshipEnded;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * When a relationship ends, its open alerts that the closing answers ({@link AlertKind#answeredByClosing()}:
 * lapsing and agreement review overdue) are acknowledged by the person who closed it, with the note
 * "The relationship was closed on 26 Nov 2026 (unplanned: Dropped out)", and audited like any
 * acknowledgement; in the closing's transaction, so a failure undoes both. Risk, not on track and
 * alliance slipping stay open for a person to acknowledge with what they did. Alerts listen to the
 * relationships module's event: endings depends on alerts (through sessions), not the other way.
 */
@Component
class ClosingListener {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final Alerts alerts;
    private final AuditTrail audit;

    ClosingListener(Alerts alerts, AuditTrail audit) {
        this.alerts = alerts;
        this.audit = audit;
    }

    /** The note an alert answered by the closing is acknowledged with. */
    static String note(RelationshipEnded ended) {
        return "The relationship was closed on " + DAY.format(ended.endedOn()) + " ("
                + (ended.planned() ? "planned" : "unplanned") + ": " + ended.reasonLabel() + ")";
    }

    @EventListener
    void on(RelationshipEnded ended) {
        String note = note(ended);
        for (AlertView open : alerts.openOf(List.of(ended.relationship()))) {
            if (!open.kind().answeredByClosing()) continue;
            if (!alerts.acknowledge(open.id(), open.version(), ended.byAccountId(), ended.byName(), ended.at(), note)) {
                throw new OptimisticLockingFailureException("alert changed since it was loaded");
            }
            audit.changed(AlertManagement.RECORD, open.id().value(), ended.clientPartyId(),
                    "acknowledged an alert: " + open.kind().label() + " (answered by the closing of the relationship)");
        }
    }
}
