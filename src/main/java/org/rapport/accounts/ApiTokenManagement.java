package org.rapport.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: each person issues their own, for scripts and integrations, read-only or
 * read-and-change, for up to a year. A token is 256 random bits, shown once; only its SHA-256 hash
 * is kept, so checking one costs a hash and two indexed lookups rather than a bcrypt (a slow hash
 * is for guessable passwords; a random token of this length cannot be guessed). A token acts as
 * its person with their role, never more; it stops working when revoked, when it expires, or when
 * the account is switched off.
 */
@Service
public class ApiTokenManagement {

    static final String PREFIX = "rpt_";
    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 366;
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokenManagement(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Issues a token for the signed-in person. A token cannot issue tokens: that needs the person's
     * own sign-in, so a read-only token never leads to one that may change things.
     *
     * @throws RuleBroken when the name is missing or too long, or the days are out of range
     */
    @Transactional
    public IssuedApiToken issue(@Nullable String name, @Nullable ApiTokenScope scope, int validForDays) {
        CurrentUser me = CurrentUser.require();
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication) {
            throw new AccessDeniedException("An API token cannot issue tokens; sign in with your password to do that.");
        }
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 80) {
            throw new RuleBroken("Give the token a name of at most 80 characters, to tell it apart later.");
        }
        if (scope == null) throw new RuleBroken("Choose what the token may do: read only, or read and change.");
        if (validForDays < 1 || validForDays > MAX_DAYS) {
            throw new RuleBroken("A token lasts from 1 to " + MAX_DAYS + " days.");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        byte[] hash = hash(token);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(validForDays));
        jdbc.sql("insert into api_token_lookup (token_hash, organisation_id) values (?, ?)")
                .params(hash, me.organisationId().value()).update();
        jdbc.sql("""
                insert into api_token (organisation_id, token_id, account_id, name, token_hash, scope, created_at,
                                       expires_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(me.organisationId().value(), id, me.accountId().value(), label, hash, scope.name(),
                        Timestamp.from(now), Timestamp.from(expires))
                .update();
        events.publishEvent(new ApiTokenIssued(me.organisationId(), me.accountId(), id, label, scope, false));
        return new IssuedApiToken(new ApiTokenView(id, label, scope, now, expires, null, null), token);
    }

    /** The signed-in person's tokens, the newest first, revoked and expired ones included. */
    @Transactional(readOnly = true)
    public List<ApiTokenView> mine() {
        CurrentUser me = CurrentUser.require();
        return jdbc.sql("""
                select token_id, name, scope, created_at, expires_at, last_used_at, revoked_at from api_token
                where account_id = ? order by created_at desc""")
                .param(me.accountId().value())
                .query((rs, n) -> new ApiTokenView(rs.getObject("token_id", UUID.class), rs.getString("name"),
                        ApiTokenScope.valueOf(rs.getString("scope")), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    /**
     * Revokes one of the signed-in person's tokens at once; revoking it again changes nothing.
     *
     * @throws RecordNotFound when the person has no such token
     */
    @Transactional
    public void revoke(UUID token) {
        CurrentUser me = CurrentUser.require();
        Optional<String> revoked = jdbc.sql("""
                select coalesce(revoked_at::text, '') from api_token where token_id = ? and account_id = ?""")
                .params(token, me.accountId().value()).query(String.class).optional();
        if (revoked.isEmpty()) throw new RecordNotFound("API token");
        if (!revoked.get().isEmpty()) return;
        ApiTokenView view = mine().stream().filter(t -> t.id().equals(token)).findFirst().orElseThrow();
        jdbc.sql("update api_token set revoked_at = ?, version = version + 1 where token_id = ? and account_id = ?")
                .params(Timestamp.from(clock.instant()), token, me.accountId().value()).update();
        events.publishEvent(new ApiTokenIssued(me.organisationId(), me.accountId(), token, view.name(), view.scope(), true));
    }

    /** Revokes every live token of an account that is being deactivated; how many it revoked. */
    int revokeAllOf(AccountId account) {
        return jdbc.sql("update api_token set revoked_at = ?, version = version + 1 where account_id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), account.value()).update();
    }

    /**
     * The person a presented token acts for, when it is one of Rapport's, unrevoked, unexpired, and
     * its account is switched on and its organisation not suspended. Not transactional: the organisation is found before it is in scope.
     */
    Optional<ApiTokenAuthentication> authenticate(@Nullable String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) return Optional.empty();
        byte[] hash = hash(presented);
        Optional<OrganisationId> organisation = jdbc.sql("select organisation_id from api_token_lookup where token_hash = ?")
                .param(hash).query(UUID.class).optional().map(OrganisationId::new);
        if (organisation.isEmpty()) return Optional.empty();
        Instant now = clock.instant();
        Optional<Found> found = Tenancy.callAs(organisation.get(), () -> jdbc.sql("""
                select t.token_id, t.scope, t.last_used_at, a.account_id, a.organisation_id, a.username, a.display_name,
                       a.roles, a.helper_id
                from api_token t join user_account a on a.organisation_id = t.organisation_id and a.account_id = t.account_id
                where t.token_hash = ? and t.revoked_at is null and t.expires_at > ? and a.enabled
                  and not exists (select 1 from hosted_organisation h
                                  where h.organisation_id = t.organisation_id and h.suspended_at is not null)""")
                .params(hash, Timestamp.from(now))
                .query((rs, n) -> new Found(new ApiTokenAuthentication(new SignedInUser(rs.getObject("account_id", UUID.class),
                        rs.getObject("organisation_id", UUID.class), rs.getString("username"), "",
                        rs.getString("display_name"), AccountManagement.decodeRoles(rs.getString("roles")),
                        rs.getObject("helper_id", UUID.class), true), rs.getObject("token_id", UUID.class),
                        ApiTokenScope.valueOf(rs.getString("scope"))), instant(rs.getTimestamp("last_used_at"))))
                .optional());
        found.ifPresent(f -> {
            f.authentication().getPrincipal().eraseCredentials();
            // The last use is kept to the minute, so a busy script does not write on every call.
            if (f.lastUsed() == null || f.lastUsed().isBefore(now.minus(LAST_USE_PRECISION))) {
                Tenancy.runAs(organisation.get(), () -> jdbc.sql("update api_token set last_used_at = ? where token_id = ?")
                        .params(Timestamp.from(now), f.authentication().token()).update());
            }
        });
        return found.map(Found::authentication);
    }

    private record Found(ApiTokenAuthentication authentication, @Nullable Instant lastUsed) {
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
