package org.rapport.alerts;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.CurrentUser;
import org.rapport.accounts.Role;
import org.rapport.audit.AuditTrail;
import org.rapport.relationships.CaseloadEntry;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipInfo;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alerts module's commands and reads: raise an alert inside another module's transaction,
 * acknowledge it with what was done, and list a relationship's alerts and the open ones on the
 * signed-in person's caseload.
 *
 * <p>An alert goes to the relationship's helpers and their supervisors: they, and admins, may
 * acknowledge it. Nothing removes an alert; acknowledging closes it and keeps who, when and what.
 */
@Service
public class AlertManagement {

    static final String RECORD = "alert";
    static final int WHAT_WAS_DONE_MIN = 3;
    static final int WHAT_WAS_DONE_MAX = 2000;
    private static final int POLICY_MAX = 120;
    private static final int REASON_MAX = 500;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final Alerts alerts;
    private final RelationshipManagement relationships;
    private final AuditTrail audit;
    private final Clock clock;

    AlertManagement(Alerts alerts, RelationshipManagement relationships, AuditTrail audit, Clock clock) {
        this.alerts = alerts;
        this.relationships = relationships;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Raises an alert about a relationship, inside the caller's transaction so it commits (or rolls
     * back) with the answers that raised it. The caller has checked access; this checks only that
     * the relationship exists in the organisation in scope and belongs to the client party. An
     * identical open alert (same relationship, kind and source) is not raised twice: its id is
     * returned instead.
     *
     * @param reason the policy's plain wording; never client content
     * @throws RecordNotFound when the organisation in scope has no such relationship of that client party
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AlertId raise(RelationshipId relationship, UUID clientPartyId, AlertKind kind, String policy, String reason,
            @Nullable UUID source) {
        if (relationship == null || clientPartyId == null) throw new RecordNotFound("relationship");
        if (kind == null) throw new IllegalArgumentException("An alert needs its kind.");
        String cleanPolicy = required(policy, POLICY_MAX, "policy");
        String cleanReason = required(reason, REASON_MAX, "reason");
        UUID owner = relationships.clientPartyOf(relationship).orElseThrow(() -> new RecordNotFound("relationship"));
        if (!owner.equals(clientPartyId)) throw new RecordNotFound("relationship");
        var open = alerts.openAlike(relationship, kind, source);
        if (open.isPresent()) return open.get();
        AlertId id = new AlertId(UUID.randomUUID());
        if (!alerts.insert(id, relationship, clientPartyId, kind, cleanPolicy, cleanReason, source, clock.instant())) {
            // Raised by someone else a moment ago: that one stands.
            return alerts.openAlike(relationship, kind, source).orElseThrow();
        }
        audit.changed(RECORD, id.value(), clientPartyId, "raised an alert: " + kind.label() + " (" + cleanPolicy + ")");
        return id;
    }

    /**
     * Acknowledges an alert with what was done, by one of the relationship's helpers, their
     * supervisors or an admin. Returns the alert's new version.
     *
     * @throws RecordNotFound when the alert is unknown, in another organisation, or on a relationship
     *         the signed-in person does not see
     * @throws RuleBroken when what was done is missing or too long, or the alert was already acknowledged
     * @throws OptimisticLockingFailureException when the alert changed since {@code expectedVersion}
     */
    @Transactional
    public int acknowledge(AlertId alert, int expectedVersion, String whatWasDone) {
        if (alert == null) throw new RecordNotFound(RECORD);
        Alerts.Stored stored = alerts.find(alert).orElseThrow(() -> new RecordNotFound(RECORD));
        RelationshipInfo info = visible(stored.view().relationship());
        if (!mayAcknowledge(info)) {
            throw new AccessDeniedException("Only the relationship's helpers, their supervisors and admins acknowledge its alerts.");
        }
        AlertView view = stored.view();
        if (view.acknowledged()) {
            throw new RuleBroken("This alert was already acknowledged by " + view.acknowledgedByName() + " on "
                    + DAY.format(view.acknowledgedAt().atZone(clock.getZone())) + ".");
        }
        String done = whatWasDone == null ? "" : whatWasDone.strip();
        if (done.isEmpty()) throw new RuleBroken("Say what you did about the alert before acknowledging it.");
        if (done.length() < WHAT_WAS_DONE_MIN) {
            throw new RuleBroken("Say in a few words what you did about the alert (at least " + WHAT_WAS_DONE_MIN + " characters).");
        }
        if (done.length() > WHAT_WAS_DONE_MAX) {
            throw new RuleBroken("Keep what you did to " + WHAT_WAS_DONE_MAX + " characters; it has " + done.length() + ".");
        }
        if (expectedVersion != view.version()) throw new OptimisticLockingFailureException("alert changed since it was loaded");
        CurrentUser user = CurrentUser.require();
        if (!alerts.acknowledge(alert, expectedVersion, user.accountId().value(), user.displayName(), clock.instant(), done)) {
            throw new OptimisticLockingFailureException("alert changed since it was loaded");
        }
        audit.changed(RECORD, alert.value(), stored.clientPartyId(), "acknowledged an alert: " + view.kind().label());
        return expectedVersion + 1;
    }

    /** A relationship's alerts, open first, then newest first; reading them is audited. */
    @Transactional
    public List<AlertView> alertsOf(RelationshipId relationship) {
        RelationshipInfo info = visible(relationship);
        List<AlertView> found = alerts.ofRelationship(info.id());
        audit.read("relationship", info.id().value(), info.clientPartyId(), "read the relationship's alerts");
        return found;
    }

    /**
     * A relationship's open alerts, the most urgent first, for the check before the work closes. Not
     * audited on its own: the page or command that shows or uses them is.
     */
    @Transactional(readOnly = true)
    public List<AlertView> openAlertsOf(RelationshipId relationship) {
        return alerts.openOf(List.of(visible(relationship).id()));
    }

    /** The open alerts on every relationship the signed-in person sees, the most urgent first. */
    @Transactional(readOnly = true)
    public List<AlertView> openAlertsForMe() {
        List<RelationshipId> mine = relationships.caseload(true).stream().map(CaseloadEntry::id).toList();
        return alerts.openOf(mine);
    }

    /** Whether the signed-in person may acknowledge the alerts of a relationship they see. */
    boolean mayAcknowledge(RelationshipInfo relationship) {
        return relationship.mayChange() || CurrentUser.require().is(Role.SUPERVISOR);
    }

    private RelationshipInfo visible(@Nullable RelationshipId relationship) {
        if (relationship == null) throw new RecordNotFound("relationship");
        return relationships.describe(relationship);
    }

    private static String required(@Nullable String text, int max, String what) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("An alert needs its " + what + ".");
        String clean = text.strip();
        if (clean.length() > max) throw new IllegalArgumentException("An alert's " + what + " is kept to " + max + " characters.");
        return clean;
    }
}
