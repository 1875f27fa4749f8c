package org.rapport.people;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisation's teams and who is in them. */
@Repository
class Teams {

    private final JdbcClient jdbc;

    Teams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void form(TeamId id, String name, Instant at) {
        jdbc.sql("insert into team (organisation_id, team_id, name, created_at, version) values (?, ?, ?, ?, 0)")
                .params(Tenancy.require().value(), id.value(), name, Timestamp.from(at)).update();
    }

    boolean nameTaken(String name) {
        return jdbc.sql("select count(*) from team where lower(name) = lower(?)").param(name)
                .query(Integer.class).single() > 0;
    }

    /** Locks the team's row until the transaction ends, so membership changes to one team queue up. */
    boolean lock(TeamId id) {
        return jdbc.sql("select team_id from team where team_id = ? for update").param(id.value())
                .query(UUID.class).optional().isPresent();
    }

    void join(TeamId team, HelperId helper, Instant at) {
        jdbc.sql("insert into team_member (organisation_id, team_id, helper_id, joined_at) values (?, ?, ?, ?)")
                .params(Tenancy.require().value(), team.value(), helper.value(), Timestamp.from(at)).update();
    }

    boolean leave(TeamId team, HelperId helper) {
        return jdbc.sql("delete from team_member where team_id = ? and helper_id = ?")
                .params(team.value(), helper.value()).update() > 0;
    }

    boolean isMember(TeamId team, HelperId helper) {
        return jdbc.sql("select count(*) from team_member where team_id = ? and helper_id = ?")
                .params(team.value(), helper.value()).query(Integer.class).single() > 0;
    }

    Optional<Team> find(TeamId id) {
        return teams("where t.team_id = ?", id.value()).stream().findFirst();
    }

    List<Team> all() {
        return teams("");
    }

    private List<Team> teams(String where, Object... params) {
        List<Row> rows = jdbc.sql("""
                select t.team_id, t.name, h.helper_id
                from team t
                left join team_member m on m.organisation_id = t.organisation_id and m.team_id = t.team_id
                left join helper h on h.organisation_id = m.organisation_id and h.helper_id = m.helper_id
                %s
                order by lower(t.name), t.team_id, lower(h.name), h.helper_id""".formatted(where))
                .params(params)
                .query((rs, n) -> new Row(new TeamId(rs.getObject("team_id", UUID.class)), rs.getString("name"),
                        rs.getObject("helper_id", UUID.class)))
                .list();
        List<Team> teams = new ArrayList<>();
        List<HelperId> members = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.helper() != null) members.add(new HelperId(row.helper()));
            boolean lastOfTeam = i + 1 == rows.size() || !rows.get(i + 1).team().equals(row.team());
            if (lastOfTeam) {
                teams.add(new Team(row.team(), row.name(), members));
                members.clear();
            }
        }
        return teams;
    }

    private record Row(TeamId team, String name, @Nullable UUID helper) {
    }
}
