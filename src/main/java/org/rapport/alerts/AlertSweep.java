package org.rapport.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.rapport.accounts.AccountManagement;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily sweep that raises the alerts of conditions lasting over days: lapsing and agreement
 * review overdue ({@link AlertConditions}). It runs in each organisation in turn, with that
 * organisation in scope so row-level security holds, one transaction per organisation.
 *
 * <p>The rule (decision record 8): a relationship has at most one open alert of each of these
 * kinds. While one is open, nothing more is raised. Once it is acknowledged, another is raised only
 * for a new episode of the condition: lapsing again after a new session held, or a new review date
 * that has passed. An alert is never closed by the sweep, even when the condition has gone: a
 * person acknowledges it with what they did.
 */
@Service
public class AlertSweep {

    private static final Logger log = LoggerFactory.getLogger(AlertSweep.class);

    private final ObjectProvider<AlertConditions> conditions;
    private final AccountManagement accounts;
    private final AlertManagement alertManagement;
    private final Alerts alerts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AlertSweep(ObjectProvider<AlertConditions> conditions, AccountManagement accounts, AlertManagement alertManagement,
            Alerts alerts, PlatformTransactionManager transactionManager, Clock clock) {
        this.conditions = conditions;
        this.accounts = accounts;
        this.alertManagement = alertManagement;
        this.alerts = alerts;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Sweeps every organisation for the day the clock says; returns how many alerts were raised. An
     * organisation whose sweep fails is logged and left for the next day; the others go on.
     */
    public int sweepAll() {
        int raised = 0;
        for (OrganisationId organisation : accounts.organisationsWithAccounts()) {
            try {
                raised += sweep(organisation);
            } catch (RuntimeException e) {
                log.warn("The alert sweep of one organisation failed and will be tried again at the next run ({})",
                        e.getClass().getSimpleName());
            }
        }
        return raised;
    }

    /** Sweeps one organisation for the day the clock says; returns how many alerts were raised. */
    public int sweep(OrganisationId organisation) {
        LocalDate today = LocalDate.now(clock);
        Integer raised = Tenancy.callAs(organisation, () -> transactions.execute(status -> {
            int count = 0;
            for (AlertConditions source : conditions.orderedStream().toList()) {
                for (AlertConditions.Condition condition : source.conditionsOn(today)) {
                    if (raise(condition)) count++;
                }
            }
            return count;
        }));
        return raised == null ? 0 : raised;
    }

    private boolean raise(AlertConditions.Condition condition) {
        if (alerts.anyOpen(condition.relationship(), condition.kind())) return false;
        UUID episode = episode(condition);
        if (alerts.everRaised(condition.relationship(), condition.kind(), episode)) return false;
        alertManagement.raise(condition.relationship(), condition.clientPartyId(), condition.kind(), condition.policy(),
                condition.reason(), episode);
        return true;
    }

    /** The same condition, relationship and episode always give the same id, kept as the alert's source. */
    static UUID episode(AlertConditions.Condition condition) {
        return UUID.nameUUIDFromBytes((condition.kind().name() + "|" + condition.relationship().value() + "|"
                + condition.episode()).getBytes(StandardCharsets.UTF_8));
    }
}
