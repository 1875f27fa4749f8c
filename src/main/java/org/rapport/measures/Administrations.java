package org.rapport.measures;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
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
 * Administrations, their one-time links and measurement plans, in PostgreSQL. A link's secret token
 * is never stored: only its SHA-256 hash, with the organisation alone in a lookup table a client's
 * phone can reach before any organisation is in scope.
 */
@Repository
class Administrations {

    enum Status { SENT, IN_PROGRESS, COMPLETED, EXPIRED }

    record Row(AdministrationId id, RelationshipId relationship, UUID clientPartyId, String instrumentKey,
            @Nullable UUID sessionId, String firstName, Instant createdAt, String createdBy, @Nullable Instant expiresAt,
            Status status, @Nullable Instant completedAt, @Nullable EnteredBy enteredBy, @Nullable Double total,
            @Nullable String band, boolean meetsCutOff, boolean riskEndorsed, boolean riskItemUnanswered) {

        boolean completed() {
            return status == Status.COMPLETED;
        }
    }

    private static final String COLUMNS = """
            administration_id, relationship_id, client_party_id, instrument_key, session_id, first_name, created_at,
            created_by, expires_at, status, completed_at, entered_by, total, band, meets_cut_off, risk_endorsed,
            risk_item_unanswered""";

    private final JdbcClient jdbc;

    Administrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AdministrationId id, RelationshipId relationship, UUID clientParty, String instrumentKey,
            @Nullable UUID session, String firstName, Instant now, String by, @Nullable Instant expiresAt, Status status) {
        jdbc.sql("insert into administration (organisation_id, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, null, null, null, null, false)")
                .params(Tenancy.require().value(), id.value(), relationship.value(), clientParty, instrumentKey, session,
                        firstName, Timestamp.from(now), by, expiresAt == null ? null : Timestamp.from(expiresAt),
                        status.name())
                .update();
    }

    void link(String tokenHash, AdministrationId id) {
        jdbc.sql("insert into administration_link (token_hash, organisation_id, administration_id) values (?, ?, ?)")
                .params(tokenHash, Tenancy.require().value(), id.value()).update();
    }

    /** The organisation and administration a token hash opens; works with no organisation in scope. */
    Optional<Map.Entry<OrganisationId, AdministrationId>> linkOf(String tokenHash) {
        return jdbc.sql("select organisation_id, administration_id from administration_link where token_hash = ?")
                .param(tokenHash)
                .query((rs, n) -> Map.entry(new OrganisationId(rs.getObject(1, UUID.class)),
                        new AdministrationId(rs.getObject(2, UUID.class))))
                .optional();
    }

    void unlink(AdministrationId id) {
        jdbc.sql("delete from administration_link where administration_id = ? and organisation_id = ?")
                .params(id.value(), Tenancy.require().value()).update();
    }

    Optional<Row> lockForChange(AdministrationId id) {
        return jdbc.sql("select " + COLUMNS + " from administration where administration_id = ? for update")
                .param(id.value()).query(Administrations::row).optional();
    }

    List<Row> completedOf(RelationshipId relationship) {
        return jdbc.sql("select " + COLUMNS + """
                 from administration where relationship_id = ? and status = 'COMPLETED'
                order by instrument_key, completed_at, administration_id""")
                .param(relationship.value()).query(Administrations::row).list();
    }

    List<Row> allOf(RelationshipId relationship) {
        return jdbc.sql("select " + COLUMNS + " from administration where relationship_id = ? order by created_at, administration_id")
                .param(relationship.value()).query(Administrations::row).list();
    }

    Map<String, Integer> answersOf(AdministrationId id) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        jdbc.sql("select e.key, e.value::text from administration a, jsonb_each(a.answers) e where a.administration_id = ?")
                .param(id.value())
                .query((ResultSet rs) -> {
                    answers.put(rs.getString(1), Integer.valueOf(rs.getString(2)));
                });
        return answers;
    }

    void saveAnswers(AdministrationId id, Map<String, Integer> answers, Status status) {
        jdbc.sql("update administration set answers = ?::jsonb, status = ? where administration_id = ?")
                .params(json(answers), status.name(), id.value()).update();
    }

    void complete(AdministrationId id, Map<String, Integer> answers, Score score, EnteredBy by, Instant at) {
        jdbc.sql("""
                update administration set answers = ?::jsonb, status = 'COMPLETED', completed_at = ?, entered_by = ?,
                       total = ?, band = ?, meets_cut_off = ?, risk_endorsed = ?, risk_item_unanswered = ?, expires_at = null
                where administration_id = ?""")
                .params(json(answers), Timestamp.from(at), by.name(), BigDecimal.valueOf(score.total()), score.band(),
                        score.meetsCutOff(), score.riskEndorsed(), score.riskItemUnanswered(), id.value())
                .update();
    }

    void expire(AdministrationId id) {
        jdbc.sql("update administration set status = 'EXPIRED' where administration_id = ?").param(id.value()).update();
    }

    List<PlanEntry> planOf(RelationshipId relationship) {
        return jdbc.sql("select instrument_key, timing, every_n from measurement_plan where relationship_id = ? order by instrument_key")
                .param(relationship.value())
                .query((rs, n) -> new PlanEntry(rs.getString(1), PlanTiming.valueOf(rs.getString(2)),
                        (Integer) rs.getObject(3)))
                .list();
    }

    List<PlanEntry> defaultPlan() {
        return jdbc.sql("""
                select instrument_key, timing, every_n from default_measurement_plan where organisation_id = ?
                order by instrument_key""")
                .param(Tenancy.require().value())
                .query((rs, n) -> new PlanEntry(rs.getString(1), PlanTiming.valueOf(rs.getString(2)), (Integer) rs.getObject(3)))
                .list();
    }

    void replaceDefaultPlan(List<PlanEntry> plan) {
        jdbc.sql("delete from default_measurement_plan where organisation_id = ?").param(Tenancy.require().value()).update();
        for (PlanEntry entry : plan) {
            jdbc.sql("insert into default_measurement_plan (instrument_key, timing, every_n) values (?, ?, ?)")
                    .params(entry.instrumentKey(), entry.timing().name(), entry.every()).update();
        }
    }

    void replacePlan(RelationshipId relationship, List<PlanEntry> plan) {
        jdbc.sql("delete from measurement_plan where relationship_id = ?").param(relationship.value()).update();
        for (PlanEntry entry : plan) {
            jdbc.sql("insert into measurement_plan (relationship_id, instrument_key, timing, every_n) values (?, ?, ?, ?)")
                    .params(relationship.value(), entry.instrumentKey(), entry.timing().name(), entry.every()).update();
        }
    }

    /** Answers as a JSON object; keys are checked link ids, but are escaped all the same. */
    static String json(Map<String, Integer> answers) {
        StringBuilder json = new StringBuilder("{");
        answers.forEach((key, value) -> {
            if (json.length() > 1) json.append(',');
            json.append('"');
            for (char c : key.toCharArray()) {
                if (c == '"' || c == '\\') json.append('\\').append(c);
                else if (c < 0x20) json.append(String.format("\\u%04x", (int) c));
                else json.append(c);
            }
            json.append("\":").append(value.intValue());
        });
        return json.append('}').toString();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        Timestamp completed = rs.getTimestamp("completed_at");
        String enteredBy = rs.getString("entered_by");
        BigDecimal total = rs.getBigDecimal("total");
        return new Row(new AdministrationId(rs.getObject("administration_id", UUID.class)),
                new RelationshipId(rs.getObject("relationship_id", UUID.class)), rs.getObject("client_party_id", UUID.class),
                rs.getString("instrument_key"), rs.getObject("session_id", UUID.class), rs.getString("first_name"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                expires == null ? null : expires.toInstant(), Status.valueOf(rs.getString("status")),
                completed == null ? null : completed.toInstant(), enteredBy == null ? null : EnteredBy.valueOf(enteredBy),
                total == null ? null : total.doubleValue(), rs.getString("band"), rs.getBoolean("meets_cut_off"),
                rs.getBoolean("risk_endorsed"), rs.getBoolean("risk_item_unanswered"));
    }
}
