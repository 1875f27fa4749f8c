package org.rapport.sessions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;
import org.rapport.shared.Tenancy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sessions in PostgreSQL; row-level security keeps each organisation to its own. */
@Repository
class Sessions {

    private static final String COLUMNS = """
            session_id, relationship_id, client_party_id, held_on, starts_at, length_minutes, mode, place, outcome,
            phase_key, phase_name, created_at, created_by_name, recorded_at, recorded_by_name, version""";

    private final JdbcClient jdbc;

    Sessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Session session) {
        jdbc.sql("insert into session (organisation_id, " + COLUMNS + """
                ) values (:org, :id, :relationship, :client, :on, :at, :length, :mode, :place, :outcome, :phaseKey,
                          :phaseName, :createdAt, :createdBy, :recordedAt, :recordedBy, 0)""")
                .param("org", Tenancy.require().value())
                .param("id", session.id.value())
                .param("relationship", session.relationship.value())
                .param("client", session.clientPartyId)
                .param("on", session.on)
                .param("at", session.at)
                .param("length", session.lengthMinutes)
                .param("mode", session.mode.name())
                .param("place", session.place)
                .param("outcome", session.outcome.name())
                .param("phaseKey", session.phaseKey)
                .param("phaseName", session.phaseName)
                .param("createdAt", Timestamp.from(session.createdAt))
                .param("createdBy", session.createdByName)
                .param("recordedAt", session.recordedAt == null ? null : Timestamp.from(session.recordedAt))
                .param("recordedBy", session.recordedByName)
                .update();
        for (UUID helper : session.helperIds) {
            jdbc.sql("insert into session_helper (session_id, helper_id) values (?, ?)")
                    .params(session.id.value(), helper).update();
        }
        writeDetails(session);
    }

    /** Saves what was recorded, if the session is still at the version it was loaded at; returns the new version. */
    int updateRecord(Session session, int expectedVersion) {
        int updated = jdbc.sql("""
                update session set outcome = :outcome, phase_key = :phaseKey, phase_name = :phaseName,
                                   recorded_at = :recordedAt, recorded_by_name = :recordedBy, version = version + 1
                where session_id = :id and version = :version""")
                .param("outcome", session.outcome.name())
                .param("phaseKey", session.phaseKey)
                .param("phaseName", session.phaseName)
                .param("recordedAt", session.recordedAt == null ? null : Timestamp.from(session.recordedAt))
                .param("recordedBy", session.recordedByName)
                .param("id", session.id.value())
                .param("version", expectedVersion)
                .update();
        if (updated != 1) throw new OptimisticLockingFailureException("session changed since it was loaded");
        jdbc.sql("delete from session_attendance where session_id = ?").param(session.id.value()).update();
        jdbc.sql("delete from session_skill where session_id = ?").param(session.id.value()).update();
        writeDetails(session);
        session.version = expectedVersion + 1;
        return session.version;
    }

    private void writeDetails(Session session) {
        for (MemberAttendance member : session.attendance) {
            jdbc.sql("insert into session_attendance (session_id, member_id, member_name, present) values (?, ?, ?, ?)")
                    .params(session.id.value(), member.memberId(), member.name(), member.present()).update();
        }
        for (HelpingSkill skill : session.skills) {
            jdbc.sql("insert into session_skill (session_id, skill) values (?, ?)")
                    .params(session.id.value(), skill.name()).update();
        }
    }

    Optional<Session> find(SessionId id) {
        return withDetails(jdbc.sql("select " + COLUMNS + " from session where session_id = ?").param(id.value())
                .query(Sessions::row).list()).stream().findFirst();
    }

    /** A relationship's sessions, the latest first. */
    List<Session> ofRelationship(RelationshipId relationship) {
        return withDetails(jdbc.sql("select " + COLUMNS
                        + " from session where relationship_id = ? order by held_on desc, starts_at desc, created_at desc")
                .param(relationship.value()).query(Sessions::row).list());
    }

    /** Sessions still scheduled from this day on, in these helpers' calendars, the soonest first. */
    List<Session> scheduledFor(UUID helper, LocalDate from) {
        return withDetails(jdbc.sql("select " + COLUMNS + """
                 from session s
                where s.outcome = 'SCHEDULED' and s.held_on >= :from
                  and exists (select 1 from session_helper h where h.organisation_id = s.organisation_id
                              and h.session_id = s.session_id and h.helper_id = :helper)
                order by s.held_on, s.starts_at""")
                .param("from", from).param("helper", helper).query(Sessions::row).list());
    }

    /**
     * Moves a relationship's sessions still scheduled from this day on from one helper to another;
     * returns the sessions moved.
     */
    List<Session> moveUpcoming(RelationshipId relationship, UUID from, UUID to, LocalDate today) {
        List<Session> upcoming = jdbc.sql("select " + COLUMNS
                        + " from session where relationship_id = ? and outcome = 'SCHEDULED' and held_on >= ?")
                .params(relationship.value(), today).query(Sessions::row).list();
        for (Session session : upcoming) {
            jdbc.sql("delete from session_helper where session_id = ? and helper_id = ?")
                    .params(session.id.value(), from).update();
            jdbc.sql("insert into session_helper (session_id, helper_id) values (?, ?) on conflict do nothing")
                    .params(session.id.value(), to).update();
        }
        return upcoming;
    }

    /**
     * Marks the relationship's sessions still scheduled after {@code endedOn} as cancelled by the
     * helper, recorded at {@code at} by {@code byName}; returns them.
     */
    List<Session> cancelScheduledAfter(RelationshipId relationship, LocalDate endedOn, java.time.Instant at, String byName) {
        List<Session> cancelled = jdbc.sql("select " + COLUMNS
                        + " from session where relationship_id = ? and outcome = 'SCHEDULED' and held_on > ?")
                .params(relationship.value(), endedOn).query(Sessions::row).list();
        for (Session session : cancelled) {
            jdbc.sql("""
                    update session set outcome = 'CANCELLED_BY_HELPER', recorded_at = ?, recorded_by_name = ?,
                                       version = version + 1
                    where session_id = ? and outcome = 'SCHEDULED'""")
                    .params(Timestamp.from(at), byName, session.id.value()).update();
        }
        return cancelled;
    }

    /** Per relationship: the outcomes of the last few sessions up to this day that count for engagement, latest first. */
    Map<UUID, List<SessionOutcome>> recentOutcomes(Collection<UUID> relationships, LocalDate upTo) {
        Map<UUID, List<SessionOutcome>> outcomes = new HashMap<>();
        if (relationships.isEmpty()) return outcomes;
        jdbc.sql("""
                select relationship_id, outcome from (
                    select relationship_id, outcome, row_number() over (partition by relationship_id
                                                                        order by held_on desc, starts_at desc) as n
                    from session
                    where relationship_id in (:ids) and held_on <= :upTo
                      and outcome in ('ATTENDED', 'DID_NOT_ATTEND', 'CANCELLED_BY_CLIENT')) latest
                where n <= 2
                order by relationship_id, n""")
                .param("ids", List.copyOf(relationships)).param("upTo", upTo)
                .query((rs, n) -> {
                    outcomes.computeIfAbsent(rs.getObject("relationship_id", UUID.class), k -> new ArrayList<>())
                            .add(SessionOutcome.valueOf(rs.getString("outcome")));
                    return null;
                }).list();
        return outcomes;
    }

    /** Per relationship: the day of the last session held. */
    Map<UUID, LocalDate> lastAttended(Collection<UUID> relationships) {
        Map<UUID, LocalDate> days = new HashMap<>();
        if (relationships.isEmpty()) return days;
        jdbc.sql("""
                select relationship_id, max(held_on) as last_on from session
                where relationship_id in (:ids) and outcome = 'ATTENDED' group by relationship_id""")
                .param("ids", List.copyOf(relationships))
                .query((rs, n) -> days.put(rs.getObject("relationship_id", UUID.class),
                        rs.getObject("last_on", LocalDate.class)))
                .list();
        return days;
    }

    private List<Session> withDetails(List<Session> sessions) {
        if (sessions.isEmpty()) return sessions;
        List<UUID> ids = sessions.stream().map(s -> s.id.value()).toList();
        Map<UUID, Set<HelpingSkill>> skills = new HashMap<>();
        jdbc.sql("select session_id, skill from session_skill where session_id in (:ids)").param("ids", ids)
                .query((rs, n) -> skills.computeIfAbsent(rs.getObject("session_id", UUID.class),
                        k -> EnumSet.noneOf(HelpingSkill.class)).add(HelpingSkill.valueOf(rs.getString("skill"))))
                .list();
        Map<UUID, List<MemberAttendance>> attendance = new HashMap<>();
        jdbc.sql("select session_id, member_id, member_name, present from session_attendance where session_id in (:ids) "
                        + "order by member_name")
                .param("ids", ids)
                .query((rs, n) -> attendance.computeIfAbsent(rs.getObject("session_id", UUID.class),
                        k -> new ArrayList<>()).add(new MemberAttendance(rs.getObject("member_id", UUID.class),
                        rs.getString("member_name"), rs.getBoolean("present"))))
                .list();
        Map<UUID, List<UUID>> helpers = new HashMap<>();
        jdbc.sql("select session_id, helper_id from session_helper where session_id in (:ids)").param("ids", ids)
                .query((rs, n) -> helpers.computeIfAbsent(rs.getObject("session_id", UUID.class), k -> new ArrayList<>())
                        .add(rs.getObject("helper_id", UUID.class)))
                .list();
        return sessions.stream().map(s -> new Session(s.id, s.relationship, s.clientPartyId, s.on, s.at, s.lengthMinutes,
                s.mode, s.place, s.outcome, s.phaseKey, s.phaseName, skills.getOrDefault(s.id.value(), Set.of()),
                attendance.getOrDefault(s.id.value(), List.of()), helpers.getOrDefault(s.id.value(), List.of()),
                s.createdAt, s.createdByName, s.recordedAt, s.recordedByName, s.version)).toList();
    }

    private static Session row(ResultSet rs, int n) throws SQLException {
        Timestamp recordedAt = rs.getTimestamp("recorded_at");
        return new Session(new SessionId(rs.getObject("session_id", UUID.class)),
                new RelationshipId(rs.getObject("relationship_id", UUID.class)), rs.getObject("client_party_id", UUID.class),
                rs.getObject("held_on", LocalDate.class), rs.getObject("starts_at", LocalTime.class),
                rs.getInt("length_minutes"), MeetingMode.valueOf(rs.getString("mode")), rs.getString("place"),
                SessionOutcome.valueOf(rs.getString("outcome")), rs.getString("phase_key"), rs.getString("phase_name"),
                Set.of(), List.of(), List.of(), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by_name"),
                recordedAt == null ? null : recordedAt.toInstant(), rs.getString("recorded_by_name"), rs.getInt("version"));
    }
}
