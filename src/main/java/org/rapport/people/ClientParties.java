package org.rapport.people;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Client parties and their members, past and current. */
@Repository
class ClientParties {

    private final JdbcClient jdbc;

    ClientParties(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void register(ClientPartyId id, ClientPartyKind kind, String name, Instant at) {
        jdbc.sql("""
                insert into client_party (organisation_id, client_party_id, kind, name, created_at, version)
                values (?, ?, ?, ?, ?, 0)""")
                .params(Tenancy.require().value(), id.value(), kind.name(), name, Timestamp.from(at)).update();
    }

    int count() {
        return jdbc.sql("select count(*) from client_party").query(Integer.class).single();
    }

    void addMember(ClientPartyId party, MemberId id, NewClientMember member) {
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from client_member where client_party_id = ?")
                .param(party.value()).query(Integer.class).single();
        jdbc.sql("""
                insert into client_member (organisation_id, member_id, client_party_id, name, joined_on, left_on, position)
                values (?, ?, ?, ?, ?, null, ?)""")
                .params(Tenancy.require().value(), id.value(), party.value(), member.name(),
                        Date.valueOf(member.joinedOn()), position)
                .update();
        touch(party);
    }

    void recordLeft(ClientPartyId party, MemberId member, LocalDate leftOn) {
        jdbc.sql("update client_member set left_on = ? where client_party_id = ? and member_id = ?")
                .params(Date.valueOf(leftOn), party.value(), member.value()).update();
        touch(party);
    }

    Optional<ClientParty> find(ClientPartyId id) {
        return load(id, "select client_party_id, kind, name from client_party where client_party_id = ?");
    }

    /** The party, with its row locked until the transaction ends, so changes to its members queue up. */
    Optional<ClientParty> findForChange(ClientPartyId id) {
        return load(id, "select client_party_id, kind, name from client_party where client_party_id = ? for update");
    }

    List<ClientPartySummary> summaries(LocalDate today) {
        return summaries(today, null);
    }

    /** The summaries of these client parties only, or of all when {@code ids} is null. */
    List<ClientPartySummary> summaries(LocalDate today, @Nullable Collection<ClientPartyId> ids) {
        if (ids != null && ids.isEmpty()) return List.of();
        Date day = Date.valueOf(today);
        return jdbc.sql("""
                select p.client_party_id, p.kind, p.name,
                       count(m.member_id) filter (where m.joined_on <= :day and (m.left_on is null or m.left_on > :day))
                           as current_members
                from client_party p
                left join client_member m on m.organisation_id = p.organisation_id
                                         and m.client_party_id = p.client_party_id
                where :all or p.client_party_id in (:ids)
                group by p.organisation_id, p.client_party_id, p.kind, p.name
                order by lower(p.name), p.client_party_id""")
                .param("day", day)
                .param("all", ids == null)
                // An "in ()" list may not be empty, so a placeholder stands in when all are wanted.
                .param("ids", ids == null ? List.of(new UUID(0, 0)) : ids.stream().map(ClientPartyId::value).distinct().toList())
                .query((rs, n) -> new ClientPartySummary(new ClientPartyId(rs.getObject("client_party_id", UUID.class)),
                        ClientPartyKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getInt("current_members")))
                .list();
    }

    Map<ClientPartyId, String> names(Collection<ClientPartyId> ids) {
        Map<ClientPartyId, String> names = new LinkedHashMap<>();
        if (ids.isEmpty()) return names;
        jdbc.sql("select client_party_id, name from client_party where client_party_id in (:ids) order by lower(name)")
                .param("ids", ids.stream().map(ClientPartyId::value).distinct().toList())
                .query((ResultSet rs) -> {
                    names.put(new ClientPartyId(rs.getObject("client_party_id", UUID.class)), rs.getString("name"));
                });
        return names;
    }

    private Optional<ClientParty> load(ClientPartyId id, String partyQuery) {
        return jdbc.sql(partyQuery).param(id.value())
                .query((rs, n) -> new ClientParty(id, ClientPartyKind.valueOf(rs.getString("kind")),
                        rs.getString("name"), List.of()))
                .optional()
                .map(party -> new ClientParty(party.id(), party.kind(), party.name(), members(id)));
    }

    private List<ClientMember> members(ClientPartyId party) {
        return jdbc.sql("""
                select member_id, name, joined_on, left_on from client_member
                where client_party_id = ? order by position""")
                .param(party.value())
                .query((rs, n) -> {
                    Date left = rs.getDate("left_on");
                    return new ClientMember(new MemberId(rs.getObject("member_id", UUID.class)), rs.getString("name"),
                            rs.getDate("joined_on").toLocalDate(), left == null ? null : left.toLocalDate());
                })
                .list();
    }

    private void touch(ClientPartyId party) {
        jdbc.sql("update client_party set version = version + 1 where client_party_id = ?").param(party.value()).update();
    }
}
