package org.rapport.followups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.relationships.RelationshipId;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Follow-ups, reconnects and their links in PostgreSQL. A link's secret is never stored, only its
 * SHA-256 hash, with the organisation alone in lookup tables reachable before any organisation is
 * in scope; the calendar of due dates is read the same way by the job that releases them.
 */
@Repository
class FollowUps {

    record Row(FollowUpId id, RelationshipId relationship, UUID clientPartyId, UUID helperId, LocalDate dueOn,
            @Nullable String instrumentKey, FollowUpStatus status, @Nullable Instant linkExpiresAt,
            @Nullable Instant answeredAt, @Nullable Boolean wantsContact, @Nullable RelationshipId newRelationship, int version) {
    }

    record ReconnectRow(ReconnectId id, RelationshipId relationship, UUID clientPartyId, ReconnectView.Via via,
            Instant issuedAt, @Nullable Instant expiresAt, @Nullable Instant askedAt, @Nullable RelationshipId newRelationship) {
    }

    private static final String COLUMNS = """
            follow_up_id, relationship_id, client_party_id, helper_id, due_on, instrument_key, status, link_expires_at,
            answered_at, wants_contact, new_relationship_id, version""";

    private static final String RECONNECT_COLUMNS = """
            reconnect_id, relationship_id, client_party_id, via, issued_at, expires_at, asked_at, new_relationship_id""";

    private final JdbcClient jdbc;

    FollowUps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- follow-ups --------------------------------------------------------------------------------

    void schedule(FollowUpId id, RelationshipId relationship, UUID clientParty, UUID helper, LocalDate dueOn,
            @Nullable String instrumentKey, Instant at) {
        UUID organisation = Tenancy.require().value();
        jdbc.sql("""
                insert into follow_up (organisation_id, follow_up_id, relationship_id, client_party_id, helper_id, due_on,
                                       instrument_key, status, scheduled_at, version)
                values (?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, 0)""")
                .params(organisation, id.value(), relationship.value(), clientParty, helper, dueOn, instrumentKey,
                        Timestamp.from(at))
                .update();
        jdbc.sql("insert into follow_up_calendar (organisation_id, follow_up_id, due_on) values (?, ?, ?)")
                .params(organisation, id.value(), dueOn).update();
    }

    /** The organisations with follow-ups falling due on or before this day; works with no organisation in scope. */
    List<OrganisationId> organisationsWithFollowUpsDue(LocalDate day) {
        return jdbc.sql("select distinct organisation_id from follow_up_calendar where due_on <= ?")
                .param(day).query((rs, n) -> new OrganisationId(rs.getObject(1, UUID.class))).list();
    }

    /** Marks the organisation's scheduled follow-ups due on or before this day as due; returns them. */
    List<Row> release(LocalDate day, Instant at) {
        List<Row> released = jdbc.sql("update follow_up set status = 'DUE', released_at = ?, version = version + 1"
                        + " where status = 'SCHEDULED' and due_on <= ? returning " + COLUMNS)
                .params(Timestamp.from(at), day).query(FollowUps::row).list();
        jdbc.sql("delete from follow_up_calendar where organisation_id = ? and due_on <= ?")
                .params(Tenancy.require().value(), day).update();
        return released;
    }

    List<Row> ofRelationship(RelationshipId relationship) {
        return jdbc.sql("select " + COLUMNS + " from follow_up where relationship_id = ? order by due_on, follow_up_id")
                .param(relationship.value()).query(FollowUps::row).list();
    }

    List<Row> dueFor(UUID helper) {
        return jdbc.sql("select " + COLUMNS + " from follow_up where helper_id = ? and status in ('DUE', 'LINK_SENT')"
                        + " order by due_on, follow_up_id")
                .param(helper).query(FollowUps::row).list();
    }

    Optional<Row> find(FollowUpId id) {
        return jdbc.sql("select " + COLUMNS + " from follow_up where follow_up_id = ?")
                .param(id.value()).query(FollowUps::row).optional();
    }

    Optional<Row> lock(FollowUpId id) {
        return jdbc.sql("select " + COLUMNS + " from follow_up where follow_up_id = ? for update")
                .param(id.value()).query(FollowUps::row).optional();
    }

    /** Replaces any earlier link of the follow-up with this one. */
    void link(FollowUpId id, String tokenHash, Instant at, Instant expires) {
        UUID organisation = Tenancy.require().value();
        jdbc.sql("delete from follow_up_link where organisation_id = ? and follow_up_id = ?")
                .params(organisation, id.value()).update();
        jdbc.sql("insert into follow_up_link (token_hash, organisation_id, follow_up_id) values (?, ?, ?)")
                .params(tokenHash, organisation, id.value()).update();
        jdbc.sql("""
                update follow_up set status = 'LINK_SENT', link_created_at = ?, link_expires_at = ?, version = version + 1
                where follow_up_id = ?""")
                .params(Timestamp.from(at), Timestamp.from(expires), id.value()).update();
    }

    Optional<Map.Entry<OrganisationId, FollowUpId>> linkOf(String tokenHash) {
        return jdbc.sql("select organisation_id, follow_up_id from follow_up_link where token_hash = ?")
                .param(tokenHash)
                .query((rs, n) -> Map.entry(new OrganisationId(rs.getObject(1, UUID.class)), new FollowUpId(rs.getObject(2, UUID.class))))
                .optional();
    }

    void unlink(FollowUpId id) {
        jdbc.sql("delete from follow_up_link where organisation_id = ? and follow_up_id = ?")
                .params(Tenancy.require().value(), id.value()).update();
    }

    /** The link was found past its expiry: it is gone, and the follow-up waits for a new one. */
    void linkExpired(FollowUpId id) {
        unlink(id);
        jdbc.sql("update follow_up set status = 'DUE', version = version + 1 where follow_up_id = ? and status = 'LINK_SENT'")
                .param(id.value()).update();
    }

    void answered(FollowUpId id, Instant at, @Nullable UUID administration, boolean wantsContact,
            @Nullable RelationshipId newRelationship) {
        jdbc.sql("""
                update follow_up set status = 'ANSWERED', answered_at = ?, administration_id = ?, wants_contact = ?,
                       new_relationship_id = ?, link_expires_at = null, version = version + 1
                where follow_up_id = ?""")
                .params(Timestamp.from(at), administration, wantsContact,
                        newRelationship == null ? null : newRelationship.value(), id.value())
                .update();
        unlink(id);
    }

    /** What happened to a relationship's follow-ups and ways back in, for its timeline: kind, when, and whether a "yes". */
    record Event(String kind, Instant at, @Nullable LocalDate dueOn, boolean wantsContact) {
    }

    List<Event> eventsOf(RelationshipId relationship) {
        List<Event> events = new java.util.ArrayList<>(jdbc.sql("""
                select 'scheduled' as kind, scheduled_at as at, due_on, false as yes from follow_up where relationship_id = ?
                union all
                select 'due', released_at, due_on, false from follow_up where relationship_id = ? and released_at is not null
                union all
                select 'link', link_created_at, due_on, false from follow_up where relationship_id = ? and link_created_at is not null
                union all
                select 'answered', answered_at, due_on, coalesce(wants_contact, false) from follow_up
                 where relationship_id = ? and answered_at is not null
                union all
                select 'reconnect-issued', issued_at, null, false from reconnect where relationship_id = ? and via = 'LINK'
                union all
                select 'reconnect-used', asked_at, null, true from reconnect
                 where relationship_id = ? and via = 'LINK' and asked_at is not null""")
                .params(relationship.value(), relationship.value(), relationship.value(), relationship.value(),
                        relationship.value(), relationship.value())
                .query((rs, n) -> new Event(rs.getString("kind"), rs.getTimestamp("at").toInstant(),
                        rs.getObject("due_on", LocalDate.class), rs.getBoolean("yes")))
                .list());
        return events;
    }

    // --- reconnects --------------------------------------------------------------------------------

    void insertReconnect(ReconnectId id, RelationshipId relationship, UUID clientParty, ReconnectView.Via via,
            @Nullable FollowUpId followUp, Instant at, @Nullable Instant expires, @Nullable Instant askedAt,
            @Nullable RelationshipId newRelationship) {
        jdbc.sql("""
                insert into reconnect (organisation_id, reconnect_id, relationship_id, client_party_id, via, follow_up_id,
                                       issued_at, expires_at, asked_at, new_relationship_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Tenancy.require().value(), id.value(), relationship.value(), clientParty, via.name(),
                        followUp == null ? null : followUp.value(), Timestamp.from(at),
                        expires == null ? null : Timestamp.from(expires), askedAt == null ? null : Timestamp.from(askedAt),
                        newRelationship == null ? null : newRelationship.value())
                .update();
    }

    void linkReconnect(ReconnectId id, String tokenHash) {
        jdbc.sql("insert into reconnect_link (token_hash, organisation_id, reconnect_id) values (?, ?, ?)")
                .params(tokenHash, Tenancy.require().value(), id.value()).update();
    }

    Optional<Map.Entry<OrganisationId, ReconnectId>> reconnectLinkOf(String tokenHash) {
        return jdbc.sql("select organisation_id, reconnect_id from reconnect_link where token_hash = ?")
                .param(tokenHash)
                .query((rs, n) -> Map.entry(new OrganisationId(rs.getObject(1, UUID.class)), new ReconnectId(rs.getObject(2, UUID.class))))
                .optional();
    }

    void unlinkReconnect(ReconnectId id) {
        jdbc.sql("delete from reconnect_link where organisation_id = ? and reconnect_id = ?")
                .params(Tenancy.require().value(), id.value()).update();
    }

    Optional<ReconnectRow> lockReconnect(ReconnectId id) {
        return jdbc.sql("select " + RECONNECT_COLUMNS + " from reconnect where reconnect_id = ? for update")
                .param(id.value()).query(FollowUps::reconnect).optional();
    }

    void reconnected(ReconnectId id, Instant at, RelationshipId newRelationship) {
        jdbc.sql("update reconnect set asked_at = ?, new_relationship_id = ? where reconnect_id = ?")
                .params(Timestamp.from(at), newRelationship.value(), id.value()).update();
        unlinkReconnect(id);
    }

    List<ReconnectRow> reconnectsOf(RelationshipId relationship) {
        return jdbc.sql("select " + RECONNECT_COLUMNS + " from reconnect where relationship_id = ? order by issued_at, reconnect_id")
                .param(relationship.value()).query(FollowUps::reconnect).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Object wants = rs.getObject("wants_contact");
        UUID newRelationship = rs.getObject("new_relationship_id", UUID.class);
        return new Row(new FollowUpId(rs.getObject("follow_up_id", UUID.class)),
                new RelationshipId(rs.getObject("relationship_id", UUID.class)), rs.getObject("client_party_id", UUID.class),
                rs.getObject("helper_id", UUID.class), rs.getObject("due_on", LocalDate.class), rs.getString("instrument_key"),
                FollowUpStatus.valueOf(rs.getString("status")), instant(rs, "link_expires_at"), instant(rs, "answered_at"),
                wants == null ? null : (Boolean) wants, newRelationship == null ? null : new RelationshipId(newRelationship),
                rs.getInt("version"));
    }

    private static ReconnectRow reconnect(ResultSet rs, int n) throws SQLException {
        UUID newRelationship = rs.getObject("new_relationship_id", UUID.class);
        return new ReconnectRow(new ReconnectId(rs.getObject("reconnect_id", UUID.class)),
                new RelationshipId(rs.getObject("relationship_id", UUID.class)), rs.getObject("client_party_id", UUID.class),
                ReconnectView.Via.valueOf(rs.getString("via")), instant(rs, "issued_at"), instant(rs, "expires_at"),
                instant(rs, "asked_at"), newRelationship == null ? null : new RelationshipId(newRelationship));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
