package org.rapport.endings;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ending table. Row-level security keeps every query to the organisation in scope. */
@Component
class Endings {

    /** One count of closings by kind and reason. */
    record Count(Ending.Kind kind, String reason, int count) {
    }

    private final JdbcClient jdbc;

    Endings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Ending> find(UUID relationshipId) {
        return jdbc.sql("select * from ending where relationship_id = ?").param(relationshipId)
                .query((rs, n) -> ending(rs)).optional();
    }

    /** Stores the ending at the version it was loaded at; false when someone else changed it meanwhile. */
    boolean save(Ending ending) {
        Ending.Closing c = ending.closing();
        String dates = ending.door().followUpDates().stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}"));
        Object[] values = { ending.gains().summary(), ending.gains().clientWords(), ending.gains().done(),
                ending.why().reason(), ending.why().explanation(), ending.why().done(),
                ending.confidence().warningSigns(), ending.confidence().whatHelps(), ending.confidence().peopleToContact(),
                ending.confidence().crisisPlan(), ending.confidence().done(),
                dates, ending.door().instrumentKey(), ending.door().noFollowUpReason(), ending.doorSaved(), ending.door().done(),
                c == null ? null : c.kind().name(), c == null ? null : Date.valueOf(c.endedOn()), c == null ? null : c.reason(),
                c == null ? null : c.explanation(), c == null ? null : Date.valueOf(c.lastSessionOn()),
                c == null ? null : c.reconnectPath(), c == null ? null : Timestamp.from(c.closedAt()),
                c == null ? null : c.closedByName() };
        if (ending.version() == 0) {
            List<Object> params = new ArrayList<>(List.of(Tenancy.require().value(), ending.relationshipId(), ending.clientPartyId()));
            params.addAll(java.util.Arrays.asList(values));
            return jdbc.sql("""
                    insert into ending (organisation_id, relationship_id, client_party_id,
                        gains_summary, client_words_helped, gains_done, reason, explanation, why_done,
                        warning_signs, what_helps, people_to_contact, crisis_plan, confidence_done,
                        follow_up_dates, follow_up_instrument, no_follow_up_reason, door_saved, door_done,
                        closed_kind, ended_on, closing_reason, closing_explanation, last_session_on, reconnect_path,
                        closed_at, closed_by_name, version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::date[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                    on conflict do nothing""").params(params).update() == 1;
        }
        List<Object> params = new ArrayList<>(java.util.Arrays.asList(values));
        params.add(ending.relationshipId());
        params.add(ending.version());
        return jdbc.sql("""
                update ending set gains_summary = ?, client_words_helped = ?, gains_done = ?, reason = ?, explanation = ?,
                    why_done = ?, warning_signs = ?, what_helps = ?, people_to_contact = ?, crisis_plan = ?,
                    confidence_done = ?, follow_up_dates = ?::date[], follow_up_instrument = ?, no_follow_up_reason = ?,
                    door_saved = ?, door_done = ?, closed_kind = ?, ended_on = ?, closing_reason = ?,
                    closing_explanation = ?, last_session_on = ?, reconnect_path = ?, closed_at = ?, closed_by_name = ?,
                    version = version + 1
                where relationship_id = ? and version = ?""").params(params).update() == 1;
    }

    /** Closings between two days (both included), by kind and reason; of these relationships only, when given. */
    List<Count> countClosed(LocalDate from, LocalDate to, @Nullable Collection<UUID> only) {
        if (only != null && only.isEmpty()) return List.of();
        String where = only == null ? "" : " and relationship_id in (:ids)";
        var spec = jdbc.sql("""
                select closed_kind, closing_reason, count(*) as n from ending
                where ended_on between :from and :to""" + where + " group by closed_kind, closing_reason order by closed_kind, closing_reason")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to));
        if (only != null) spec = spec.param("ids", List.copyOf(only));
        return spec.query((rs, n) -> new Count(Ending.Kind.valueOf(rs.getString("closed_kind")), rs.getString("closing_reason"),
                rs.getInt("n"))).list();
    }

    private static Ending ending(ResultSet rs) throws SQLException {
        List<LocalDate> dates = new ArrayList<>();
        Array array = rs.getArray("follow_up_dates");
        if (array != null) {
            for (Object day : (Object[]) array.getArray()) dates.add(((Date) day).toLocalDate());
        }
        String kind = rs.getString("closed_kind");
        Ending.Closing closing = kind == null ? null : new Ending.Closing(Ending.Kind.valueOf(kind),
                rs.getDate("ended_on").toLocalDate(), rs.getString("closing_reason"), rs.getString("closing_explanation"),
                rs.getDate("last_session_on").toLocalDate(), rs.getString("reconnect_path"),
                rs.getTimestamp("closed_at").toInstant(), rs.getString("closed_by_name"));
        return new Ending(rs.getObject("relationship_id", UUID.class), rs.getObject("client_party_id", UUID.class),
                new Gains(rs.getString("gains_summary"), rs.getString("client_words_helped"), rs.getBoolean("gains_done")),
                new WhyItEnds(rs.getString("reason"), rs.getString("explanation"), rs.getBoolean("why_done")),
                new Confidence(rs.getString("warning_signs"), rs.getString("what_helps"), rs.getString("people_to_contact"),
                        rs.getString("crisis_plan"), rs.getBoolean("confidence_done")),
                new OpenDoor(dates, rs.getString("follow_up_instrument"), rs.getString("no_follow_up_reason"), rs.getBoolean("door_done")),
                rs.getBoolean("door_saved"), closing, rs.getInt("version"));
    }
}
