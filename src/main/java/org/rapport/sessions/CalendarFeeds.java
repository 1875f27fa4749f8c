package org.rapport.sessions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.SecretTokens;
import org.rapport.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Helpers' calendar feed links. The secret token is shown once and never stored: only its SHA-256
 * hash is kept, with the helper in the organisation's own (row-level secured) table, and with the
 * organisation alone in a lookup table a calendar can reach before any organisation is in scope.
 */
@Repository
class CalendarFeeds {


    private final JdbcClient jdbc;

    CalendarFeeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the helper's feed (if any) with one for this token. */
    void open(UUID helper, String token, Instant now) {
        revoke(helper);
        String hash = SecretTokens.hash(token);
        jdbc.sql("insert into calendar_feed (organisation_id, helper_id, token_hash, created_at) values (?, ?, ?, ?)")
                .params(Tenancy.require().value(), helper, hash, Timestamp.from(now)).update();
        jdbc.sql("insert into calendar_feed_token (token_hash, organisation_id) values (?, ?)")
                .params(hash, Tenancy.require().value()).update();
    }

    void revoke(UUID helper) {
        jdbc.sql("select token_hash from calendar_feed where helper_id = ?").param(helper).query(String.class).optional()
                .ifPresent(hash -> {
                    jdbc.sql("delete from calendar_feed_token where token_hash = ? and organisation_id = ?")
                            .params(hash, Tenancy.require().value()).update();
                    jdbc.sql("delete from calendar_feed where helper_id = ?").param(helper).update();
                });
    }

    Optional<Instant> openedAt(UUID helper) {
        return jdbc.sql("select created_at from calendar_feed where helper_id = ?").param(helper)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** The organisation a token belongs to; works with no organisation in scope. */
    Optional<OrganisationId> organisationOf(String tokenHash) {
        return jdbc.sql("select organisation_id from calendar_feed_token where token_hash = ?").param(tokenHash)
                .query(UUID.class).optional().map(OrganisationId::new);
    }

    /** The helper whose feed this is, within the organisation in scope. */
    Optional<UUID> helperOf(String tokenHash) {
        return jdbc.sql("select helper_id from calendar_feed where token_hash = ?").param(tokenHash)
                .query(UUID.class).optional();
    }
}
