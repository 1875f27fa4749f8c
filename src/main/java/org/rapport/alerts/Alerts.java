package org.rapport.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.protection.NarrativeCipher;
import org.rapport.relationships.RelationshipId;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The alerts table. Row-level security keeps every query to the organisation in scope. Alerts are
 * inserted and acknowledged, never deleted. What was done is sealed in {@code narrative}, bound to
 * the organisation, the alert and {@link #NARRATIVE_FIELD}; the clear column is read only for an
 * alert an earlier version acknowledged and the start-up conversion has not sealed yet.
 */
@Component
class Alerts {

    static final String NARRATIVE_FIELD = "alert";
    static final String WHAT_WAS_DONE = "what_was_done";

    /** One stored alert, with the client party it is about (kept for the audit trail). */
    record Stored(AlertView view, UUID clientPartyId) {
    }

    private static final String COLUMNS = """
            alert_id, relationship_id, client_party_id, kind, policy, reason, source_id, raised_at,
            acknowledged_at, acknowledged_by_name, what_was_done, narrative, organisation_id, version""";

    /** Open first, then the most urgent kind, then newest. */
    private static final String ORDER = "order by (acknowledged_at is null) desc, case kind "
            + java.util.Arrays.stream(AlertKind.values()).map(k -> "when '" + k.name() + "' then " + k.urgency())
                    .collect(java.util.stream.Collectors.joining(" "))
            + " else 99 end, raised_at desc, alert_id";

    private final JdbcClient jdbc;
    private final NarrativeCipher cipher;

    Alerts(JdbcClient jdbc, NarrativeCipher cipher) {
        this.cipher = cipher;
        this.jdbc = jdbc;
    }

    Optional<AlertId> openAlike(RelationshipId relationship, AlertKind kind, @Nullable UUID source) {
        return jdbc.sql("""
                select alert_id from alert
                where relationship_id = ? and kind = ? and source_id is not distinct from ? and acknowledged_at is null""")
                .params(relationship.value(), kind.name(), source).query(UUID.class).optional().map(AlertId::new);
    }

    /** Whether the relationship has an open alert of this kind, whatever raised it. */
    boolean anyOpen(RelationshipId relationship, AlertKind kind) {
        return jdbc.sql("select count(*) from alert where relationship_id = ? and kind = ? and acknowledged_at is null")
                .params(relationship.value(), kind.name()).query(Long.class).single() > 0;
    }

    /** Whether an alert of this kind was ever raised from this source, open or acknowledged. */
    boolean everRaised(RelationshipId relationship, AlertKind kind, UUID source) {
        return jdbc.sql("select count(*) from alert where relationship_id = ? and kind = ? and source_id = ?")
                .params(relationship.value(), kind.name(), source).query(Long.class).single() > 0;
    }

    /** Inserts an open alert unless an alike one is open; true when it was inserted. */
    boolean insert(AlertId id, RelationshipId relationship, UUID clientPartyId, AlertKind kind, String policy,
            String reason, @Nullable UUID source, Instant raisedAt) {
        return jdbc.sql("""
                insert into alert (organisation_id, alert_id, relationship_id, client_party_id, kind, policy, reason,
                                   source_id, raised_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                on conflict (organisation_id, relationship_id, kind,
                             coalesce(source_id, '00000000-0000-0000-0000-000000000000'::uuid))
                    where acknowledged_at is null do nothing""")
                .params(Tenancy.require().value(), id.value(), relationship.value(), clientPartyId, kind.name(), policy,
                        reason, source, Timestamp.from(raisedAt))
                .update() == 1;
    }

    Optional<Stored> find(AlertId id) {
        return jdbc.sql("select " + COLUMNS + " from alert where alert_id = ?").param(id.value())
                .query((rs, n) -> stored(rs)).optional();
    }

    List<AlertView> ofRelationship(RelationshipId relationship) {
        return jdbc.sql("select " + COLUMNS + " from alert where relationship_id = ? " + ORDER)
                .param(relationship.value()).query((rs, n) -> stored(rs).view()).list();
    }

    List<AlertView> openOf(Collection<RelationshipId> relationships) {
        if (relationships.isEmpty()) return List.of();
        return jdbc.sql("select " + COLUMNS + " from alert where acknowledged_at is null and relationship_id in (:ids) " + ORDER)
                .param("ids", relationships.stream().map(RelationshipId::value).distinct().toList())
                .query((rs, n) -> stored(rs).view()).list();
    }

    /** Acknowledges an open alert at the version it was loaded at; false when it changed meanwhile. */
    boolean acknowledge(AlertId id, int expectedVersion, UUID byAccount, String byName, Instant at, String whatWasDone) {
        return jdbc.sql("""
                update alert set acknowledged_at = ?, acknowledged_by = ?, acknowledged_by_name = ?, narrative = ?,
                                 version = version + 1
                where alert_id = ? and version = ? and acknowledged_at is null""")
                .params(Timestamp.from(at), byAccount, byName,
                        cipher.encryptFields(Map.of(WHAT_WAS_DONE, whatWasDone), Tenancy.require(), id.value(), NARRATIVE_FIELD),
                        id.value(), expectedVersion)
                .update() == 1;
    }

    private Stored stored(ResultSet rs) throws SQLException {
        Timestamp acknowledgedAt = rs.getTimestamp("acknowledged_at");
        byte[] narrative = rs.getBytes("narrative");
        String whatWasDone = narrative == null ? rs.getString(WHAT_WAS_DONE)
                : cipher.decryptFields(narrative, new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                        rs.getObject("alert_id", UUID.class), NARRATIVE_FIELD).get(WHAT_WAS_DONE);
        AlertView view = new AlertView(new AlertId(rs.getObject("alert_id", UUID.class)),
                new RelationshipId(rs.getObject("relationship_id", UUID.class)), AlertKind.valueOf(rs.getString("kind")),
                rs.getString("policy"), rs.getString("reason"), rs.getTimestamp("raised_at").toInstant(),
                rs.getObject("source_id", UUID.class), acknowledgedAt != null, rs.getString("acknowledged_by_name"),
                acknowledgedAt == null ? null : acknowledgedAt.toInstant(), whatWasDone,
                rs.getInt("version"));
        return new Stored(view, rs.getObject("client_party_id", UUID.class));
    }
}
