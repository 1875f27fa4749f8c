package org.rapport.alerts;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.relationships.RelationshipId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alerts module's commands and reads: raise an alert inside another module's transaction,
 * acknowledge it with what was done, and list a relationship's alerts and the open ones on the
 * signed-in person's caseload.
 */
@Service
public class AlertManagement {

    /**
     * Raises an alert about a relationship, inside the caller's transaction so it commits (or rolls
     * back) with the answers that raised it. The caller has checked access; this checks only that
     * the relationship exists in the organisation in scope and belongs to the client party. An
     * identical open alert (same relationship, kind and source) is not raised twice: its id is
     * returned instead.
     *
     * @param reason the policy's plain wording; never client content
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AlertId raise(RelationshipId relationship, UUID clientPartyId, AlertKind kind, String policy, String reason,
            @Nullable UUID source) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Acknowledges an alert with what was done, by one of the relationship's helpers, their
     * supervisors or an admin. Returns the alert's new version.
     */
    @Transactional
    public int acknowledge(AlertId alert, int expectedVersion, String whatWasDone) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** A relationship's alerts, open first, then newest first; reading them is audited. */
    @Transactional
    public List<AlertView> alertsOf(RelationshipId relationship) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The open alerts on every relationship the signed-in person sees. */
    @Transactional(readOnly = true)
    public List<AlertView> openAlertsForMe() {
        throw new UnsupportedOperationException("not built yet");
    }
}
