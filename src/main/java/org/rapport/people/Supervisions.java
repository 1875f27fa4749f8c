package org.rapport.people;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.rapport.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who supervises whom. */
@Repository
class Supervisions {

    private final JdbcClient jdbc;

    Supervisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void link(HelperId supervisor, HelperId supervisee, Instant at) {
        jdbc.sql("""
                insert into supervision (organisation_id, supervisor_id, supervisee_id, linked_at) values (?, ?, ?, ?)""")
                .params(Tenancy.require().value(), supervisor.value(), supervisee.value(), Timestamp.from(at)).update();
    }

    boolean unlink(HelperId supervisor, HelperId supervisee) {
        return jdbc.sql("delete from supervision where supervisor_id = ? and supervisee_id = ?")
                .params(supervisor.value(), supervisee.value()).update() > 0;
    }

    boolean exists(HelperId supervisor, HelperId supervisee) {
        return jdbc.sql("select count(*) from supervision where supervisor_id = ? and supervisee_id = ?")
                .params(supervisor.value(), supervisee.value()).query(Integer.class).single() > 0;
    }

    Set<HelperId> superviseesOf(HelperId supervisor) {
        return ids(jdbc.sql("select supervisee_id from supervision where supervisor_id = ? order by supervisee_id")
                .param(supervisor.value()).query(UUID.class).list());
    }

    Set<HelperId> supervisorsOf(HelperId supervisee) {
        return ids(jdbc.sql("select supervisor_id from supervision where supervisee_id = ? order by supervisor_id")
                .param(supervisee.value()).query(UUID.class).list());
    }

    /** Every link, by supervisor's name then supervisee's name. */
    List<SupervisionLink> all() {
        return jdbc.sql("""
                select s.supervisor_id, s.supervisee_id
                from supervision s
                join helper r on r.organisation_id = s.organisation_id and r.helper_id = s.supervisor_id
                join helper e on e.organisation_id = s.organisation_id and e.helper_id = s.supervisee_id
                order by lower(r.name), s.supervisor_id, lower(e.name), s.supervisee_id""")
                .query((rs, n) -> new SupervisionLink(new HelperId(rs.getObject("supervisor_id", UUID.class)),
                        new HelperId(rs.getObject("supervisee_id", UUID.class))))
                .list();
    }

    private static Set<HelperId> ids(List<UUID> values) {
        Set<HelperId> ids = new LinkedHashSet<>();
        values.forEach(value -> ids.add(new HelperId(value)));
        return ids;
    }
}
