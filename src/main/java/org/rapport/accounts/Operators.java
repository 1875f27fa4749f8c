package org.rapport.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The operators of a hosted Rapport, who run it for many organisations and belong to none. An
 * operator opens an organisation with an invitation to its first admin, suspends one (its staff
 * cannot sign in, their sessions end, their API tokens stop working) and reopens it, and sees how
 * many staff each has: counts, never a person's record. Each command checks the operator once and
 * is written to the installation's operator audit trail; opening, suspending and reopening are
 * written to the organisation's own audit trail too. Work on one organisation runs with that
 * organisation in scope, so row-level security still walls off every other.
 */
@Service
public class Operators {

    private final JdbcClient jdbc;
    private final AccountManagement accounts;
    private final Invitations invitations;
    private final SignedInSessions sessions;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate work;
    private final TransactionTemplate reading;
    private final Clock clock;

    Operators(JdbcClient jdbc, AccountManagement accounts, Invitations invitations, SignedInSessions sessions,
            PasswordEncoder passwords, ApplicationEventPublisher events, PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.invitations = invitations;
        this.sessions = sessions;
        this.passwords = passwords;
        this.events = events;
        this.work = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.clock = clock;
    }

    /** Whether this Rapport has an operator. */
    public boolean anyOperator() {
        return Boolean.TRUE.equals(jdbc.sql("select exists (select 1 from operator_account)").query(Boolean.class).single());
    }

    /** Whether an operator signs in with this address. */
    public boolean isOperator(String email) {
        return Boolean.TRUE.equals(jdbc.sql("select exists (select 1 from operator_account where username = ?)")
                .param(email.strip().toLowerCase(Locale.ROOT)).query(Boolean.class).single());
    }

    /**
     * Opens an operator account, at setup: its sign-in name is an email address no one else on this
     * Rapport signs in with, and its password meets the password policy.
     *
     * @throws SettingsRefused naming the field at fault ({@code operatorEmail}, {@code operatorPassword})
     */
    public void create(String email, String displayName, String password) {
        String address = SecurityNotices.emailOf(email == null ? "" : email.strip().toLowerCase(Locale.ROOT))
                .filter(a -> a.length() <= 120)
                .orElseThrow(() -> new SettingsRefused("operatorEmail",
                        "The operator's email address must look like name@example.org, of at most 120 characters."));
        String name = displayName == null || displayName.isBlank() ? address : displayName.strip();
        if (name.length() > 120) throw new SettingsRefused("operatorName", "The operator's name is at most 120 characters.");
        PasswordPolicy.refusal(password, List.of(address, name), false).ifPresent(refusal -> {
            throw new SettingsRefused("operatorPassword", refusal);
        });
        work.executeWithoutResult(status -> {
            if (accounts.signInNameTaken(address)) {
                throw new SettingsRefused("operatorEmail", "The address " + address + " already signs in to Rapport.");
            }
            jdbc.sql("""
                    insert into operator_account (operator_id, username, password_hash, display_name, enabled, created_at,
                                                  version)
                    values (?, ?, ?, ?, true, ?, 0)""")
                    .params(UUID.randomUUID(), address, passwords.encode(password), name, Timestamp.from(clock.instant()))
                    .update();
            jdbc.sql("""
                    insert into operator_audit_entry (entry_id, happened_at, operator_username, action, organisation_id,
                                                      detail, remote_address)
                    values (?, ?, ?, 'CHANGE', null, 'Operator account opened at setup', 'setup')""")
                    .params(UUID.randomUUID(), Timestamp.from(clock.instant()), address).update();
        });
    }

    /**
     * Every organisation on this Rapport, by name, with its staff counts; the operator's list.
     * Each organisation is read with itself in scope. Audited once, as a look at counts.
     */
    public List<HostedOrganisation> organisations() {
        CurrentOperator operator = CurrentOperator.require();
        List<HostedOrganisation> all = hostedIds().stream().map(this::hosted).toList();
        record(operator, "READ", null, "Looked at the list of organisations (counts only)");
        return all;
    }

    /** One organisation, as in the list; audited. */
    public HostedOrganisation organisation(OrganisationId id) {
        CurrentOperator operator = CurrentOperator.require();
        HostedOrganisation found = hosted(id);
        record(operator, "READ", id, "Looked at the organisation's counts");
        return found;
    }

    /**
     * Opens an organisation and invites its first admin by email; both or neither. The admin
     * chooses their password through the invitation's link and signs in to an organisation that
     * holds nothing yet.
     *
     * @throws SettingsRefused naming the field at fault: {@code name}, {@code country}, {@code adminEmail}, {@code adminName}
     */
    public OrganisationId open(NewOrganisation organisation, String adminEmail, String adminName, String linkBase) {
        CurrentOperator operator = CurrentOperator.require();
        if (organisation.name() == null || organisation.name().isBlank() || organisation.name().strip().length() > 200) {
            throw new SettingsRefused("name", "The organisation needs a name of at most 200 characters.");
        }
        invitations.addressRefusal(adminEmail).ifPresent(refusal -> {
            throw new SettingsRefused("adminEmail", refusal);
        });
        if (adminName == null || adminName.isBlank() || adminName.strip().length() > 120) {
            throw new SettingsRefused("adminName", "The admin needs a name to show, of at most 120 characters.");
        }
        OrganisationId id = new OrganisationId(UUID.randomUUID());
        Tenancy.runAs(id, () -> work.executeWithoutResult(status -> {
            try {
                accounts.open(id, organisation, operator.username());
            } catch (RuleBroken refused) {
                throw new SettingsRefused("country", refused.getMessage());
            }
            invitations.inviteFirstAdmin(operator, adminEmail, adminName.strip(), linkBase);
            String what = "Organisation opened by " + operator.describe() + "; its first admin invited by email";
            record(operator, "CHANGE", id, "Opened the organisation and invited its first admin");
            events.publishEvent(new OperatorActed(id, operator.describe(), what, clock.instant()));
        }));
        return id;
    }

    /**
     * Suspends an organisation: none of its staff can sign in, their signed-in sessions end and
     * their API tokens stop working, until it is reopened. Nothing of its records changes.
     * Suspending a suspended organisation changes nothing.
     */
    public void suspend(OrganisationId id) {
        CurrentOperator operator = CurrentOperator.require();
        hostedOrThrow(id);
        boolean changed = Tenancy.callAs(id, () -> work.execute(status -> {
            int updated = jdbc.sql("""
                    update hosted_organisation set suspended_at = ?, suspended_by = ?
                    where organisation_id = ? and suspended_at is null""")
                    .params(Timestamp.from(clock.instant()), operator.username(), id.value()).update();
            if (updated == 0) return false;
            record(operator, "CHANGE", id, "Suspended the organisation: its staff cannot sign in");
            events.publishEvent(new OperatorActed(id, operator.describe(), "Organisation suspended by " + operator.describe()
                    + ": its staff cannot sign in, their sessions ended and their API tokens refused", clock.instant()));
            return true;
        }));
        if (Boolean.TRUE.equals(changed)) {
            jdbc.sql("select username from sign_in_name where organisation_id = ?").param(id.value())
                    .query(String.class).list().forEach(sessions::endAllOf);
        }
    }

    /** Reopens a suspended organisation: its staff sign in again as before. Reopening an open one changes nothing. */
    public void reopen(OrganisationId id) {
        CurrentOperator operator = CurrentOperator.require();
        hostedOrThrow(id);
        Tenancy.runAs(id, () -> work.executeWithoutResult(status -> {
            int updated = jdbc.sql("""
                    update hosted_organisation set suspended_at = null, suspended_by = null
                    where organisation_id = ? and suspended_at is not null""")
                    .param(id.value()).update();
            if (updated == 0) return;
            record(operator, "CHANGE", id, "Reopened the organisation: its staff can sign in again");
            events.publishEvent(new OperatorActed(id, operator.describe(), "Organisation reopened by "
                    + operator.describe() + ": its staff can sign in again", clock.instant()));
        }));
    }

    /**
     * Sends the first admin's invitation again, with a new link for 72 hours, when they have not
     * accepted it (it ran out, or went astray).
     *
     * @throws RuleBroken when the first admin has already accepted
     */
    public void resendFirstInvitation(OrganisationId id, String linkBase) {
        CurrentOperator operator = CurrentOperator.require();
        hostedOrThrow(id);
        Tenancy.runAs(id, () -> work.executeWithoutResult(status -> {
            invitations.resendFirstAdmin(operator, linkBase);
            record(operator, "CHANGE", id, "Sent the first admin's invitation again");
        }));
    }

    /** Records, in the operators' audit trail, work of the signed-in operator's that concerns no one organisation. */
    public void recordOwnWork(String action, String detail) {
        record(CurrentOperator.require(), action, null, detail);
    }

    /** The most recent entries of the operators' audit trail, newest first. */
    public List<OperatorAuditEntry> auditTrail(int limit) {
        CurrentOperator.require();
        return jdbc.sql("""
                select happened_at, operator_username, action, organisation_id, detail, remote_address
                from operator_audit_entry order by happened_at desc, entry_id limit ?""")
                .param(Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> new OperatorAuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class) == null ? null : new OrganisationId(rs.getObject(4, UUID.class)),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    private List<OrganisationId> hostedIds() {
        return jdbc.sql("select organisation_id from hosted_organisation order by opened_at, organisation_id")
                .query(UUID.class).list().stream().map(OrganisationId::new).toList();
    }

    private void hostedOrThrow(OrganisationId id) {
        boolean known = Boolean.TRUE.equals(jdbc.sql("select exists (select 1 from hosted_organisation where organisation_id = ?)")
                .param(id.value()).query(Boolean.class).single());
        if (!known) throw new RecordNotFound("organisation");
    }

    // An id that is no hosted organisation finds no row in the join below: no separate check is needed.
    private HostedOrganisation hosted(OrganisationId id) {
        return Tenancy.callAs(id, () -> reading.execute(status -> jdbc.sql("""
                select o.name, h.opened_at, h.opened_by, h.suspended_at, h.suspended_by,
                       (select count(*) from user_account a where a.enabled and a.roles <> 'CLIENT'
                          and not exists (select 1 from invitation i where i.organisation_id = a.organisation_id
                                          and i.account_id = a.account_id and i.accepted_at is null)),
                       (select count(*) from invitation i where i.accepted_at is null and i.withdrawn_at is null
                          and i.expires_at > ?)
                from organisation o join hosted_organisation h on h.organisation_id = o.organisation_id
                where o.organisation_id = ?""")
                .params(Timestamp.from(clock.instant()), id.value())
                .query((rs, n) -> new HostedOrganisation(id, rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getInt(6),
                        rs.getInt(7)))
                .optional().orElseThrow(() -> new RecordNotFound("organisation"))));
    }

    private void record(CurrentOperator operator, String action, @Nullable OrganisationId organisation, String detail) {
        jdbc.sql("""
                insert into operator_audit_entry (entry_id, happened_at, operator_username, action, organisation_id, detail,
                                                  remote_address)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), Timestamp.from(clock.instant()), operator.username(), action,
                        organisation == null ? null : organisation.value(), detail, remoteAddress())
                .update();
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String address = String.valueOf(request.getRemoteAddr());
            return address.length() <= 64 ? address : address.substring(0, 64);
        }
        return "background";
    }
}
