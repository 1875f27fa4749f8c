package org.rapport.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.mail.Mail;
import org.rapport.mail.MailOutbox;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.SecretTokens;
import org.rapport.shared.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff invited by email. An admin's invitation opens the account (its sign-in name is the email
 * address; its password random and unknown, so it cannot sign in yet) and mails a one-time link,
 * in the same transaction. The link works once, for 72 hours; only its hash is kept. The person
 * opens it, chooses a password under the password policy, and signs in, setting up a second factor
 * there if their organisation requires one. An admin can send an invitation again (a new link,
 * the old one stops working) or withdraw it (the account is deactivated). Each step is audited.
 */
@Service
public class Invitations {

    public static final Duration LIFETIME = Duration.ofHours(72);
    static final String TEMPLATE = "invitation";
    static final int MAX_TOKEN_LENGTH = 100;

    private final AccountManagement accounts;
    private final MailOutbox outbox;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate work;
    private final Clock clock;

    Invitations(AccountManagement accounts, MailOutbox outbox, JdbcClient jdbc, PasswordEncoder passwords,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.events = events;
        this.work = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Opens an account for someone invited by email to the organisation in scope, and queues the
     * invitation to them; an admin's work. {@code linkBase} is the address the link starts with.
     *
     * @throws RuleBroken when the address is not one, or already signs in to Rapport
     */
    @Transactional
    public AccountId invite(String email, String displayName, Set<Role> roles, @Nullable UUID helperId, String linkBase) {
        CurrentUser admin = requireAdmin("invite staff");
        return inviteTo(admin.organisationId(), admin.displayName(), email, displayName, roles, helperId, linkBase);
    }

    /**
     * Invites the first admin of an organisation an operator has just opened, in the operator's
     * transaction with that organisation in scope.
     */
    AccountId inviteFirstAdmin(CurrentOperator operator, String email, String displayName, String linkBase) {
        return inviteTo(Tenancy.require(), operator.displayName(), email, displayName, Set.of(Role.ADMIN), null, linkBase);
    }

    /** Why this address cannot be invited, or empty when it can: checked before an operator opens anything. */
    Optional<String> addressRefusal(@Nullable String email) {
        Optional<String> address = address(email);
        if (address.isEmpty()) return Optional.of(NOT_AN_ADDRESS);
        if (accounts.signInNameTaken(address.get())) {
            return Optional.of("The address " + address.get() + " already signs in to Rapport.");
        }
        return Optional.empty();
    }

    private static final String NOT_AN_ADDRESS =
            "Give the email address the invitation goes to, such as name@example.org (at most 120 characters).";

    private static Optional<String> address(@Nullable String email) {
        return SecurityNotices.emailOf(email == null ? "" : email.strip().toLowerCase(Locale.ROOT))
                .filter(a -> a.length() <= 120);
    }

    private AccountId inviteTo(OrganisationId organisation, String invitedBy, String email, String displayName,
            Set<Role> roles, @Nullable UUID helperId, String linkBase) {
        String address = address(email).orElseThrow(() -> new RuleBroken(NOT_AN_ADDRESS));
        AccountId account = accounts.openAccount(new NewAccount(address, SecretTokens.newToken(), displayName, roles, helperId));
        Instant now = clock.instant();
        jdbc.sql("""
                insert into invitation (organisation_id, account_id, invited_by, invited_at, sent_at, expires_at, times_sent,
                                        version)
                values (?, ?, ?, ?, ?, ?, 1, 0)""")
                .params(organisation.value(), account.value(), invitedBy, Timestamp.from(now),
                        Timestamp.from(now), Timestamp.from(now.plus(LIFETIME)))
                .update();
        send(organisation, invitedBy, account, address, displayName.strip(), linkBase, now);
        events.publishEvent(new InvitationEvent(account, organisation, InvitationEvent.What.SENT, now));
        return account;
    }

    /**
     * Sends the invitation of this sign-in name again, with a new link for another 72 hours; the
     * earlier link stops working. A withdrawn invitation sent again lets the account sign in again
     * once it is accepted.
     */
    @Transactional
    public void resend(String username, String linkBase) {
        CurrentUser admin = requireAdmin("send invitations");
        Invited invited = invited(username);
        if (invited.acceptedAt() != null) {
            throw new RuleBroken(invited.displayName() + " has already accepted their invitation and signs in with their own"
                    + " password.");
        }
        if (!invited.enabled()) accounts.reactivate(invited.username());
        sendAgain(admin.organisationId(), admin.displayName(), invited, linkBase);
    }

    /**
     * Sends the invitation of the first admin of the organisation in scope again, for the operator
     * who opened it, in the operator's transaction.
     *
     * @throws RuleBroken when every admin invited has already accepted
     */
    void resendFirstAdmin(CurrentOperator operator, String linkBase) {
        Invited invited = jdbc.sql(INVITED + """
                 and a.roles like '%ADMIN%' and i.accepted_at is null and a.enabled
                order by i.invited_at limit 1 for update of i""")
                .param(Tenancy.require().value()).query((rs, n) -> invited(rs)).optional()
                .orElseThrow(() -> new RuleBroken("Its first admin has already accepted their invitation and signs in."));
        sendAgain(Tenancy.require(), operator.displayName(), invited, linkBase);
    }

    private void sendAgain(OrganisationId organisation, String invitedBy, Invited invited, String linkBase) {
        Instant now = clock.instant();
        jdbc.sql("""
                update invitation set sent_at = ?, expires_at = ?, times_sent = times_sent + 1, withdrawn_at = null,
                                      version = version + 1
                where organisation_id = ? and account_id = ?""")
                .params(Timestamp.from(now), Timestamp.from(now.plus(LIFETIME)), organisation.value(),
                        invited.account().value())
                .update();
        send(organisation, invitedBy, invited.account(), invited.username(), invited.displayName(), linkBase, now);
        events.publishEvent(new InvitationEvent(invited.account(), organisation, InvitationEvent.What.SENT_AGAIN, now));
    }

    /** Withdraws an invitation not yet accepted: its link stops working and the account is deactivated. */
    @Transactional
    public void withdraw(String username) {
        CurrentUser admin = requireAdmin("withdraw invitations");
        Invited invited = invited(username);
        if (invited.acceptedAt() != null) {
            throw new RuleBroken(invited.displayName() + " has already accepted their invitation. To stop them signing in,"
                    + " deactivate their account.");
        }
        if (invited.withdrawnAt() != null) return;
        Instant now = clock.instant();
        jdbc.sql("update invitation set withdrawn_at = ?, version = version + 1 where organisation_id = ? and account_id = ?")
                .params(Timestamp.from(now), admin.organisationId().value(), invited.account().value()).update();
        forgetLinks(admin.organisationId(), invited.account());
        if (invited.enabled()) accounts.deactivate(invited.username());
        events.publishEvent(new InvitationEvent(invited.account(), admin.organisationId(), InvitationEvent.What.WITHDRAWN, now));
    }

    /** The organisation's invitations, newest first. */
    @Transactional(readOnly = true)
    public List<InvitationView> ofOrganisation() {
        Instant now = clock.instant();
        return jdbc.sql("""
                select a.username, a.display_name, i.invited_by, i.invited_at, i.sent_at, i.expires_at, i.times_sent,
                       i.accepted_at, i.withdrawn_at
                from invitation i join user_account a on a.organisation_id = i.organisation_id and a.account_id = i.account_id
                where i.organisation_id = ? order by i.invited_at desc""")
                .param(Tenancy.require().value())
                .query((rs, n) -> new InvitationView(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
                        rs.getInt(7), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)),
                        !rs.getTimestamp(6).toInstant().isAfter(now)))
                .list();
    }

    /**
     * Who a working link is for, with nobody signed in.
     *
     * @throws InvitationLinkNotUsable for any link that does not open an invitation now
     */
    public InvitationToAccept opened(String token) {
        Link link = link(token);
        return Tenancy.callAs(link.organisation(), () -> work.execute(status -> {
            Invited invited = usable(link);
            return new InvitationToAccept(invited.username(), invited.displayName(),
                    accounts.organisationName(link.organisation()).orElse(""));
        }));
    }

    /**
     * The person chooses their password through a working link, which is then used up; they sign
     * in next. Returns their sign-in name.
     *
     * @throws InvitationLinkNotUsable for any link that does not open an invitation now
     * @throws PasswordNotChanged when the password does not meet the policy (the link still works)
     */
    public String accept(String token, String password) {
        Link link = link(token);
        return Tenancy.callAs(link.organisation(), () -> work.execute(status -> {
            Invited invited = usable(link);
            Optional<String> refusal = PasswordPolicy.refusal(password, List.of(invited.username(), invited.displayName(),
                    accounts.organisationName(link.organisation()).orElse("")), false);
            if (refusal.isPresent()) throw new PasswordNotChanged(PasswordNotChanged.Field.REPLACEMENT, refusal.get());
            Instant now = clock.instant();
            jdbc.sql("update user_account set password_hash = ?, version = version + 1 where organisation_id = ? and account_id = ?")
                    .params(passwords.encode(password), link.organisation().value(), link.account().value()).update();
            jdbc.sql("update invitation set accepted_at = ?, version = version + 1 where organisation_id = ? and account_id = ?")
                    .params(Timestamp.from(now), link.organisation().value(), link.account().value()).update();
            forgetLinks(link.organisation(), link.account());
            events.publishEvent(new InvitationEvent(link.account(), link.organisation(), InvitationEvent.What.ACCEPTED, now));
            return invited.username();
        }));
    }

    private void send(OrganisationId organisation, String invitedBy, AccountId account, String address, String displayName,
            String linkBase, Instant now) {
        forgetLinks(organisation, account);
        String token = SecretTokens.newToken();
        jdbc.sql("insert into invitation_link (token_hash, organisation_id, account_id) values (?, ?, ?)")
                .params(SecretTokens.hash(token), organisation.value(), account.value()).update();
        OrganisationSettings settings = accounts.organisationSettings();
        String until = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm (zzzz)", Locale.UK)
                .withZone(ZoneId.of(settings.timeZone()))
                .format(now.plus(LIFETIME));
        outbox.queue(new Mail(organisation, address, "You are invited to " + settings.name() + " on Rapport", TEMPLATE,
                Map.of("name", displayName, "invitedBy", invitedBy, "link", linkBase + "/invitation/" + token,
                        "until", until, "username", address)));
    }

    private void forgetLinks(OrganisationId organisation, AccountId account) {
        jdbc.sql("delete from invitation_link where organisation_id = ? and account_id = ?")
                .params(organisation.value(), account.value()).update();
    }

    private record Link(OrganisationId organisation, AccountId account) {
    }

    private record Invited(AccountId account, String username, String displayName, boolean enabled,
            @Nullable Instant acceptedAt, @Nullable Instant withdrawnAt, Instant expiresAt) {
    }

    /** Found before any organisation is in scope, by the token's hash alone. */
    private Link link(@Nullable String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) throw new InvitationLinkNotUsable();
        return jdbc.sql("select organisation_id, account_id from invitation_link where token_hash = ?")
                .param(SecretTokens.hash(token.strip()))
                .query((rs, n) -> new Link(new OrganisationId(rs.getObject(1, UUID.class)), new AccountId(rs.getObject(2, UUID.class))))
                .optional().orElseThrow(InvitationLinkNotUsable::new);
    }

    /** The invitation the link opens, locked, if it may be used now. */
    private Invited usable(Link link) {
        Invited invited = jdbc.sql(INVITED + " and a.account_id = ? for update of i")
                .params(link.organisation().value(), link.account().value())
                .query((rs, n) -> invited(rs)).optional().orElseThrow(InvitationLinkNotUsable::new);
        if (invited.acceptedAt() != null || invited.withdrawnAt() != null || !invited.enabled()
                || !invited.expiresAt().isAfter(clock.instant())) {
            throw new InvitationLinkNotUsable();
        }
        return invited;
    }

    private static final String INVITED = """
            select a.account_id, a.username, a.display_name, a.enabled, i.accepted_at, i.withdrawn_at, i.expires_at
            from invitation i join user_account a on a.organisation_id = i.organisation_id and a.account_id = i.account_id
            where i.organisation_id = ?""";

    private Invited invited(String username) {
        return jdbc.sql(INVITED + " and a.username = ? for update of i")
                .params(Tenancy.require().value(), SignInThrottle.key(username == null ? "" : username))
                .query((rs, n) -> invited(rs)).optional().orElseThrow(() -> new RecordNotFound("invitation"));
    }

    private static Invited invited(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Invited(new AccountId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getTimestamp(7).toInstant());
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private static CurrentUser requireAdmin(String work) {
        CurrentUser me = CurrentUser.require();
        if (!me.isAdmin()) throw new AccessDeniedException("only an organisation admin may " + work);
        return me;
    }
}
