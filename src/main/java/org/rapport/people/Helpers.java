package org.rapport.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rapport.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisation's helpers. Row-level security keeps other organisations' helpers out of every query. */
@Repository
class Helpers {

    private final JdbcClient jdbc;

    Helpers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(HelperId id, String name, Discipline discipline, Instant at) {
        jdbc.sql("""
                insert into helper (organisation_id, helper_id, name, discipline, sign_in_name, active, created_at, version)
                values (?, ?, ?, ?, null, true, ?, 0)""")
                .params(Tenancy.require().value(), id.value(), name, discipline.name(), Timestamp.from(at))
                .update();
    }

    int countActive() {
        return jdbc.sql("select count(*) from helper where active").query(Integer.class).single();
    }

    void recordSignInName(HelperId id, String username) {
        jdbc.sql("update helper set sign_in_name = ?, version = version + 1 where helper_id = ?")
                .params(username, id.value()).update();
    }

    Optional<Helper> find(HelperId id) {
        return jdbc.sql("select helper_id, name, discipline, sign_in_name, active, pronouns from helper where helper_id = ?")
                .param(id.value()).query(Helpers::helper).optional();
    }

    List<Helper> all() {
        return jdbc.sql("""
                select helper_id, name, discipline, sign_in_name, active, pronouns from helper
                order by lower(name), name, helper_id""")
                .query(Helpers::helper).list();
    }

    Map<HelperId, String> names(Collection<HelperId> ids) {
        Map<HelperId, String> names = new LinkedHashMap<>();
        if (ids.isEmpty()) return names;
        jdbc.sql("select helper_id, name from helper where helper_id in (:ids) order by lower(name), helper_id")
                .param("ids", ids.stream().map(HelperId::value).distinct().toList())
                .query((ResultSet rs) -> {
                    names.put(new HelperId(rs.getObject("helper_id", UUID.class)), rs.getString("name"));
                });
        return names;
    }

    Optional<Profile> profile(HelperId id) {
        return jdbc.sql("select name, pronouns, discipline, registration_body, registration_number from helper where helper_id = ?")
                .param(id.value())
                .query((rs, n) -> new Profile(rs.getString(1), rs.getString(2), Discipline.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5)))
                .optional();
    }

    void changeProfile(HelperId id, Profile profile) {
        jdbc.sql("""
                update helper set name = ?, pronouns = ?, discipline = ?, registration_body = ?, registration_number = ?,
                                  version = version + 1
                where helper_id = ?""")
                .params(profile.name(), profile.pronouns(), profile.discipline().name(), profile.registrationBody(),
                        profile.registrationNumber(), id.value())
                .update();
    }

    private static Helper helper(ResultSet rs, int row) throws SQLException {
        return new Helper(new HelperId(rs.getObject("helper_id", UUID.class)), rs.getString("name"),
                Discipline.valueOf(rs.getString("discipline")), rs.getString("sign_in_name"), rs.getBoolean("active"),
                rs.getString("pronouns"));
    }
}
