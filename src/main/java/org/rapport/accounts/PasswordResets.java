package org.rapport.accounts;

import io.github.bucket4j.Bucket;
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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.rapport.mail.Mail;
import org.rapport.mail.MailOutbox;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.SecretTokens;
import org.rapport.shared.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A forgotten password: a one-time link by email to choose a new one, asked for by the person on
 * the sign-in page or sent by an admin (who never sees a password). Asking always gets the same
 * answer, whether or not the address signs in anywhere, and is throttled per address and per
 * client. The link works once, for an hour; only its hash is kept; a newer link replaces an older
 * one. Choosing the new password ends every signed-in session of the person, lifts a pause on their
 * sign-in, and tells them by mail. Each step is audited.
 */
@Service
public class PasswordResets {

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    public static final Duration LIFETIME = Duration.ofHours(1);
    static final String TEMPLATE = "password-reset";
    static final int PER_ADDRESS = 3;
    static final int PER_CLIENT = 10;
    static final Duration THROTTLE_WINDOW = Duration.ofHours(1);
    private static final int TIDY_ABOVE = 10_000;

    private final AccountManagement accounts;
    private final MailOutbox outbox;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final SignInThrottle signIn;
    private final SignedInSessions sessions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate work;
    private final Clock clock;
    private final ClockTime time;
    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Bucket> byClient = new ConcurrentHashMap<>();

    PasswordResets(AccountManagement accounts, MailOutbox outbox, JdbcClient jdbc, PasswordEncoder passwords,
            SignInThrottle signIn, SignedInSessions sessions, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.signIn = signIn;
        this.sessions = sessions;
        this.events = events;
        this.work = new TransactionTemplate(transactions);
        this.clock = clock;
        this.time = new ClockTime(clock);
    }

    /**
     * Someone on the sign-in page asks for a link for this address. A link is mailed only when an
     * active account signs in with it (one whose invitation, if it had one, was accepted), and not
     * more than {@value #PER_ADDRESS} times an hour per address or {@value #PER_CLIENT} per client;
     * the caller answers the same in every case.
     */
    public void askedFor(@Nullable String email, @Nullable String client, String linkBase) {
        String address = SignInThrottle.key(email);
        if (address.isEmpty()) return;
        if (!allowed(byAddress, address, PER_ADDRESS) || !allowed(byClient, client == null ? "unknown" : client, PER_CLIENT)) {
            log.info("A request for a password reset link was not answered: too many for one address or from one client");
            return;
        }
        Optional<OrganisationId> organisation = jdbc.sql("select organisation_id from sign_in_name where username = ?")
                .param(address).query(UUID.class).optional().map(OrganisationId::new);
        organisation.ifPresent(in -> Tenancy.runAs(in, () -> work.executeWithoutResult(status ->
                target(address).filter(Target::mayReset).ifPresent(target ->
                        issue(in, target, "You (or someone who typed your address) asked", linkBase,
                                PasswordResetEvent.What.ASKED_FOR)))));
    }

    /**
     * An admin sends a member of staff a link to choose a new password; the admin never learns it.
     *
     * @throws RuleBroken when the account cannot be reached by mail or would not be let in
     */
    @Transactional
    public void sendByAdmin(String username, String linkBase) {
        CurrentUser admin = CurrentUser.require();
        if (!admin.isAdmin()) throw new AccessDeniedException("only an organisation admin may send a password reset");
        Target target = target(SignInThrottle.key(username)).orElseThrow(() -> new RecordNotFound("sign-in account"));
        if (!target.enabled()) {
            throw new RuleBroken(target.displayName() + "'s account is deactivated; reactivate it first.");
        }
        if (target.invitationPending()) {
            throw new RuleBroken(target.displayName() + " has not accepted their invitation yet; send the invitation again.");
        }
        if (SecurityNotices.emailOf(target.username()).isEmpty()) {
            throw new RuleBroken(target.displayName() + " signs in with a name that is not an email address, so Rapport"
                    + " cannot mail them a link.");
        }
        issue(admin.organisationId(), target, admin.displayName() + ", an admin at your organisation, asked", linkBase,
                PasswordResetEvent.What.SENT_BY_ADMIN);
    }

    /** Who a working link is for. @throws ResetLinkNotUsable for any link that does not work now */
    public PasswordResetToUse opened(String token) {
        Link link = link(token);
        return Tenancy.callAs(link.organisation(), () -> work.execute(status -> {
            Target target = usable(link);
            return new PasswordResetToUse(target.username(), target.displayName(),
                    accounts.organisationName(link.organisation()).orElse(""));
        }));
    }

    /**
     * Sets the new password through a working link, which is then used up; returns the sign-in name.
     *
     * @throws ResetLinkNotUsable for any link that does not work now
     * @throws PasswordNotChanged when the password does not meet the policy (the link still works)
     */
    public String reset(String token, String password) {
        Link link = link(token);
        return Tenancy.callAs(link.organisation(), () -> work.execute(status -> {
            Target target = usable(link);
            Optional<String> refusal = PasswordPolicy.refusal(password, List.of(target.username(), target.displayName(),
                    accounts.organisationName(link.organisation()).orElse("")), false);
            if (refusal.isPresent()) throw new PasswordNotChanged(PasswordNotChanged.Field.REPLACEMENT, refusal.get());
            jdbc.sql("update user_account set password_hash = ?, version = version + 1 where organisation_id = ? and account_id = ?")
                    .params(passwords.encode(password), link.organisation().value(), link.account().value()).update();
            forgetLinks(link.organisation(), link.account());
            events.publishEvent(new PasswordResetEvent(link.account(), link.organisation(), PasswordResetEvent.What.USED,
                    clock.instant()));
            String username = target.username();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sessions.endAllOf(username);
                    signIn.lift(username);
                }
            });
            return username;
        }));
    }

    private void issue(OrganisationId organisation, Target target, String askedBy, String linkBase, PasswordResetEvent.What what) {
        forgetLinks(organisation, target.account());
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        jdbc.sql("insert into password_reset_link (token_hash, organisation_id, account_id, requested_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(SecretTokens.hash(token), organisation.value(), target.account().value(), Timestamp.from(now),
                        Timestamp.from(now.plus(LIFETIME)))
                .update();
        String until = DateTimeFormatter.ofPattern("HH:mm 'on' EEEE d MMMM (zzzz)", Locale.UK)
                .withZone(ZoneId.of(accounts.organisationSettings().timeZone()))
                .format(now.plus(LIFETIME));
        outbox.queue(new Mail(organisation, target.username(), "Choose a new password for Rapport", TEMPLATE,
                Map.of("name", target.displayName(), "askedBy", askedBy, "link", linkBase + "/reset-password/" + token,
                        "until", until)));
        events.publishEvent(new PasswordResetEvent(target.account(), organisation, what, now));
    }

    private void forgetLinks(OrganisationId organisation, AccountId account) {
        jdbc.sql("delete from password_reset_link where organisation_id = ? and account_id = ?")
                .params(organisation.value(), account.value()).update();
    }

    private record Link(OrganisationId organisation, AccountId account, Instant expiresAt) {
    }

    private record Target(AccountId account, String username, String displayName, boolean enabled, boolean invitationPending) {

        boolean mayReset() {
            return enabled && !invitationPending && SecurityNotices.emailOf(username).isPresent();
        }
    }

    private Optional<Target> target(String username) {
        return jdbc.sql("""
                select a.account_id, a.username, a.display_name, a.enabled,
                       exists (select 1 from invitation i where i.organisation_id = a.organisation_id
                               and i.account_id = a.account_id and i.accepted_at is null)
                from user_account a where a.organisation_id = ? and a.username = ?""")
                .params(Tenancy.require().value(), username)
                .query((rs, n) -> new Target(new AccountId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getBoolean(5)))
                .optional();
    }

    /** Found before any organisation is in scope, by the token's hash alone. */
    private Link link(@Nullable String token) {
        if (token == null || token.isBlank() || token.length() > Invitations.MAX_TOKEN_LENGTH) throw new ResetLinkNotUsable();
        return jdbc.sql("select organisation_id, account_id, expires_at from password_reset_link where token_hash = ?")
                .param(SecretTokens.hash(token.strip()))
                .query((rs, n) -> new Link(new OrganisationId(rs.getObject(1, UUID.class)),
                        new AccountId(rs.getObject(2, UUID.class)), rs.getTimestamp(3).toInstant()))
                .optional().orElseThrow(ResetLinkNotUsable::new);
    }

    /** The account the link opens, if the link may be used now; its row is locked, so a link works once. */
    private Target usable(Link link) {
        boolean stillThere = !jdbc.sql("select token_hash from password_reset_link where organisation_id = ? and account_id = ?"
                        + " and expires_at = ? for update")
                .params(link.organisation().value(), link.account().value(), Timestamp.from(link.expiresAt()))
                .query(String.class).list().isEmpty();
        Target target = jdbc.sql("select account_id, username, display_name, enabled, false from user_account"
                        + " where organisation_id = ? and account_id = ? for update")
                .params(link.organisation().value(), link.account().value())
                .query((rs, n) -> new Target(new AccountId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), false))
                .optional().orElseThrow(ResetLinkNotUsable::new);
        if (!stillThere || !target.enabled() || !link.expiresAt().isAfter(clock.instant())) throw new ResetLinkNotUsable();
        return target;
    }

    private boolean allowed(Map<String, Bucket> buckets, String key, int perWindow) {
        if (buckets.size() > TIDY_ABOVE) buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= perWindow);
        String shortened = key.length() <= 120 ? key : key.substring(0, 120);
        return buckets.computeIfAbsent(shortened, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perWindow).refillIntervally(perWindow, THROTTLE_WINDOW))
                .withCustomTimePrecision(time).build()).tryConsume(1);
    }
}
