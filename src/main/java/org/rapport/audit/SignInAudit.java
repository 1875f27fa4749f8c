package org.rapport.audit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rapport.accounts.AccountDeactivated;
import org.rapport.accounts.AccountReactivated;
import org.rapport.accounts.ApiTokenIssued;
import org.rapport.accounts.InvitationEvent;
import org.rapport.accounts.OperatorActed;
import org.rapport.accounts.OrganisationSettingsChanged;
import org.rapport.accounts.PasswordChanged;
import org.rapport.accounts.PasswordResetEvent;
import org.rapport.accounts.Role;
import org.rapport.accounts.RolesChanged;
import org.rapport.accounts.SecondFactorChanged;
import org.rapport.accounts.SignInLocked;
import org.rapport.accounts.SignInRecorded;
import org.rapport.accounts.SignInUnlocked;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes each interactive sign-in completed or failed, each pause and unlock of an account's
 * sign-in, each API token issued or revoked, and each account deactivated or reactivated, to its
 * organisation's audit trail. Listens
 * synchronously: a pause is written as it begins, in the request that began it, and an unlock in
 * the admin's transaction, so it stands or falls with it.
 */
@Component
class SignInAudit {

    static final String ACCOUNT = "sign-in account";
    static final String ORGANISATION = "organisation";
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    SignInAudit(AuditTrail audit, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
    }

    @EventListener
    void on(SignInLocked locked) {
        String counted = locked.by() == SignInLocked.By.ACCOUNT ? "with this sign-in name" : "from this address";
        record(locked.organisation(), locked.account().value(), "Sign-in paused until " + UNTIL.format(locked.until())
                + " after " + locked.failedAttempts() + " failed attempts " + counted);
    }

    /** Issuing and revoking happen in the person's own transaction, which this joins. */
    @EventListener
    void on(ApiTokenIssued token) {
        record(token.organisation(), token.account().value(), (token.revoked() ? "Revoked" : "Issued")
                + " the API token \u201c" + token.name() + "\u201d (" + token.scope().label().toLowerCase() + ")");
    }

    @EventListener
    void on(SignInUnlocked unlocked) {
        record(unlocked.organisation(), unlocked.account().value(),
                unlocked.wasPaused() ? "Sign-in unlocked by an admin" : "Sign-in unlocked by an admin (it was not paused)");
    }

    /** Deactivation and reactivation happen in the admin's transaction, which this joins. */
    @EventListener
    void on(AccountDeactivated deactivated) {
        record(deactivated.organisation(), deactivated.account().value(), "Account deactivated by an admin: "
                + "sign-in refused, its sessions ended, " + deactivated.revokedTokens() + " API token"
                + (deactivated.revokedTokens() == 1 ? "" : "s") + " revoked");
    }

    @EventListener
    void on(SecondFactorChanged changed) {
        record(changed.organisation(), changed.account().value(), changed.what());
    }

    /** Sending, withdrawing and accepting an invitation happen in their own transactions, which this joins. */
    @EventListener
    void on(InvitationEvent invitation) {
        record(invitation.organisation(), invitation.account().value(), invitation.what().detail());
    }

    /** An admin's change of the organisation's settings, in the admin's transaction: which settings, never their values. */
    @EventListener
    void on(OrganisationSettingsChanged changed) {
        if (changed.changed().isEmpty()) return;
        Tenancy.runAs(changed.organisation(), () -> transactions.executeWithoutResult(status -> audit.changed(ORGANISATION,
                changed.organisation().value(), null, "Changed the organisation's settings: " + String.join(", ", changed.changed()))));
    }

    /** An operator's opening, suspension or reopening, in the operator's transaction with the organisation in scope. */
    @EventListener
    void on(OperatorActed acted) {
        Tenancy.runAs(acted.organisation(), () -> transactions.executeWithoutResult(status -> audit.changed(ORGANISATION,
                acted.organisation().value(), null, acted.what())));
    }

    /** Sending and using a password reset link happen in their own transactions, which this joins. */
    @EventListener
    void on(PasswordResetEvent reset) {
        record(reset.organisation(), reset.account().value(), reset.what().detail());
    }

    /** A change of one's own password happens in its own transaction, which this joins. */
    @EventListener
    void on(PasswordChanged changed) {
        record(changed.organisation(), changed.account().value(),
                "Password changed by its owner; their other signed-in sessions ended");
    }

    @EventListener
    void on(RolesChanged changed) {
        record(changed.organisation(), changed.account().value(),
                "Roles changed by an admin from " + labels(changed.before()) + " to " + labels(changed.after()));
    }

    private static String labels(Set<Role> roles) {
        return roles.isEmpty() ? "none" : roles.stream().sorted().map(Role::label)
                .collect(Collectors.joining(", "));
    }

    /** A completed or failed interactive sign-in, in its own transaction. */
    @EventListener
    void on(SignInRecorded signIn) {
        record(signIn.organisation(), signIn.account().value(), signIn.what());
    }

    @EventListener
    void on(AccountReactivated reactivated) {
        record(reactivated.organisation(), reactivated.account().value(), "Account reactivated by an admin");
    }

    // The organisation is put in scope before the transaction takes its connection; an admin's
    // unlock already has both, and joins its transaction.
    private void record(OrganisationId organisation, UUID account, String detail) {
        Tenancy.runAs(organisation, () -> transactions.executeWithoutResult(
                status -> audit.changed(ACCOUNT, account, null, detail)));
    }
}
