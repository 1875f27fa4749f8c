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
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rapport.protection.NarrativeCipher;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ending table. Row-level security keeps every query to the organisation in scope. Every text
 * of an ending is sealed in its {@code narrative} column, bound to the organisation, the
 * relationship and {@link #NARRATIVE_FIELD}; the old clear columns are read only for a row an
 * earlier version wrote and the start-up conversion has not sealed yet.
 */
@Component
class Endings {

    static final String NARRATIVE_FIELD = "ending";
    /** The texts, by the names of the clear columns that once held them. */
    static final String[] TEXTS = { "gains_summary", "client_words_helped", "explanation", "warning_signs", "what_helps",
            "people_to_contact", "crisis_plan", "no_follow_up_reason", "closing_explanation" };

    /** One count of closings by kind and reason. */
    record Count(Ending.Kind kind, String reason, int count) {
    }

    private final JdbcClient jdbc;
    private final NarrativeCipher cipher;

    Endings(JdbcClient jdbc, NarrativeCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    Optional<Ending> find(UUID relationshipId) {
        return jdbc.sql("select * from ending where relationship_id = ?").param(relationshipId)
                .query((rs, n) -> ending(rs)).optional();
    }

    /** Stores the ending at the version it was loaded at; false when someone else changed it meanwhile. */
    boolean save(Ending ending) {
        Ending.Closing c = ending.closing();
        String dates = ending.door().followUpDates().stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}"));
        OrganisationId organisation = Tenancy.require();
        Map<String, @Nullable String> texts = new LinkedHashMap<>();
        texts.put("gains_summary", ending.gains().summary());
        texts.put("client_words_helped", ending.gains().clientWords());
        texts.put("explanation", ending.why().explanation());
        texts.put("warning_signs", ending.confidence().warningSigns());
        texts.put("what_helps", ending.confidence().whatHelps());
        texts.put("people_to_contact", ending.confidence().peopleToContact());
        texts.put("crisis_plan", ending.confidence().crisisPlan());
        texts.put("no_follow_up_reason", ending.door().noFollowUpReason());
        texts.put("closing_explanation", c == null ? null : c.explanation());
        byte[] narrative = cipher.encryptFields(texts, organisation, ending.relationshipId(), NARRATIVE_FIELD);
        Object[] values = { narrative, ending.gains().done(), ending.why().reason(), ending.why().done(),
                ending.confidence().done(), dates, ending.door().instrumentKey(), ending.doorSaved(), ending.door().done(),
                c == null ? null : c.kind().name(), c == null ? null : Date.valueOf(c.endedOn()), c == null ? null : c.reason(),
                c == null ? null : Date.valueOf(c.lastSessionOn()),
                c == null ? null : c.reconnectPath(), c == null ? null : Timestamp.from(c.closedAt()),
                c == null ? null : c.closedByName() };
        if (ending.version() == 0) {
            List<Object> params = new ArrayList<>(List.of(organisation.value(), ending.relationshipId(), ending.clientPartyId()));
            params.addAll(java.util.Arrays.asList(values));
            return jdbc.sql("""
                    insert into ending (organisation_id, relationship_id, client_party_id,
                        narrative, gains_done, reason, why_done, confidence_done,
                        follow_up_dates, follow_up_instrument, door_saved, door_done,
                        closed_kind, ended_on, closing_reason, last_session_on, reconnect_path,
                        closed_at, closed_by_name, version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?::date[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                    on conflict do nothing""").params(params).update() == 1;
        }
        List<Object> params = new ArrayList<>(java.util.Arrays.asList(values));
        params.add(ending.relationshipId());
        params.add(ending.version());
        // Writing the sealed texts empties the clear columns of a row an earlier version wrote.
        return jdbc.sql("""
                update ending set narrative = ?, gains_done = ?, reason = ?, why_done = ?, confidence_done = ?,
                    follow_up_dates = ?::date[], follow_up_instrument = ?, door_saved = ?, door_done = ?, closed_kind = ?,
                    ended_on = ?, closing_reason = ?, last_session_on = ?, reconnect_path = ?, closed_at = ?,
                    closed_by_name = ?, gains_summary = null, client_words_helped = null, explanation = null,
                    warning_signs = null, what_helps = null, people_to_contact = null, crisis_plan = null,
                    no_follow_up_reason = null, closing_explanation = null, version = version + 1
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

    /** The texts of a row: sealed, or in the clear columns of a row an earlier version wrote. */
    private Map<String, String> texts(ResultSet rs) throws SQLException {
        UUID relationship = rs.getObject("relationship_id", UUID.class);
        byte[] narrative = rs.getBytes("narrative");
        if (narrative != null) {
            return cipher.decryptFields(narrative, new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                    relationship, NARRATIVE_FIELD);
        }
        Map<String, String> clear = new LinkedHashMap<>();
        for (String text : TEXTS) {
            String value = rs.getString(text);
            if (value != null) clear.put(text, value);
        }
        return clear;
    }

    private Ending ending(ResultSet rs) throws SQLException {
        Map<String, String> t = texts(rs);
        List<LocalDate> dates = new ArrayList<>();
        Array array = rs.getArray("follow_up_dates");
        if (array != null) {
            for (Object day : (Object[]) array.getArray()) dates.add(((Date) day).toLocalDate());
        }
        String kind = rs.getString("closed_kind");
        Ending.Closing closing = kind == null ? null : new Ending.Closing(Ending.Kind.valueOf(kind),
                rs.getDate("ended_on").toLocalDate(), rs.getString("closing_reason"), t.get("closing_explanation"),
                rs.getDate("last_session_on").toLocalDate(), rs.getString("reconnect_path"),
                rs.getTimestamp("closed_at").toInstant(), rs.getString("closed_by_name"));
        return new Ending(rs.getObject("relationship_id", UUID.class), rs.getObject("client_party_id", UUID.class),
                new Gains(t.get("gains_summary"), t.get("client_words_helped"), rs.getBoolean("gains_done")),
                new WhyItEnds(rs.getString("reason"), t.get("explanation"), rs.getBoolean("why_done")),
                new Confidence(t.get("warning_signs"), t.get("what_helps"), t.get("people_to_contact"),
                        t.get("crisis_plan"), rs.getBoolean("confidence_done")),
                new OpenDoor(dates, rs.getString("follow_up_instrument"), t.get("no_follow_up_reason"), rs.getBoolean("door_done")),
                rs.getBoolean("door_saved"), closing, rs.getInt("version"));
    }
}
