package org.rapport.relationships;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The caseload in one query: each visible relationship with its lead helper and what its working
 * agreement says about review, without loading whole aggregates. Row-level security keeps it to
 * the organisation in scope; the helper filter keeps it to the caseload of the person asking.
 */
@Component
class CaseloadQuery {

    /** One relationship's caseload facts, before names are added. */
    record Row(UUID relationshipId, UUID clientPartyId, UUID leadHelperId, String processModelKey,
            RelationshipStatus status, int phaseIndex, Urgency urgency, LocalDate referredOn,
            @Nullable LocalDate lastContactOn, @Nullable LocalDate nextReviewOn, boolean awaitingAcceptance,
            boolean askingHelperIsParty) {
    }

    private final JdbcClient jdbc;

    CaseloadQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param helpers the helpers whose relationships to include, or null for every relationship
     */
    List<Row> rows(@Nullable Collection<UUID> helpers, @Nullable UUID askingHelper, boolean includeEnded) {
        if (helpers != null && helpers.isEmpty()) return List.of();
        return jdbc.sql("""
                select r.relationship_id, r.client_party_id, lead.helper_id as lead_helper_id, r.process_model_key,
                       r.status, r.phase_index, r.urgency, r.referred_on, r.last_contact_on,
                       coalesce(accepted.review_on, latest.review_on) as next_review_on,
                       (latest.revision is not null and latest.accepted_on is null) as awaiting_acceptance,
                       exists (select 1 from relationship_helper me
                               where me.organisation_id = r.organisation_id and me.relationship_id = r.relationship_id
                                 and me.helper_id = :me) as asking_helper_is_party
                from relationship r
                join relationship_helper lead on lead.organisation_id = r.organisation_id
                                             and lead.relationship_id = r.relationship_id and lead.lead
                left join lateral (
                    select a.revision, a.review_on, a.accepted_on from agreement_revision a
                    where a.organisation_id = r.organisation_id and a.relationship_id = r.relationship_id
                    order by a.revision desc limit 1) latest on true
                left join lateral (
                    select a.review_on from agreement_revision a
                    where a.organisation_id = r.organisation_id and a.relationship_id = r.relationship_id
                      and a.accepted_on is not null
                    order by a.revision desc limit 1) accepted on true
                where (:includeEnded or r.status <> 'ENDED')
                  and (:everyone or exists (
                        select 1 from relationship_helper h
                        where h.organisation_id = r.organisation_id and h.relationship_id = r.relationship_id
                          and h.helper_id in (:helpers)))""")
                .param("includeEnded", includeEnded)
                .param("me", askingHelper == null ? new UUID(0, 0) : askingHelper)
                .param("everyone", helpers == null)
                // An "in ()" list may not be empty, so a placeholder stands in when everyone is wanted.
                .param("helpers", helpers == null ? List.of(new UUID(0, 0)) : List.copyOf(helpers))
                .query((rs, n) -> new Row(rs.getObject("relationship_id", UUID.class),
                        rs.getObject("client_party_id", UUID.class), rs.getObject("lead_helper_id", UUID.class),
                        rs.getString("process_model_key"), RelationshipStatus.valueOf(rs.getString("status")),
                        rs.getInt("phase_index"), Urgency.valueOf(rs.getString("urgency")),
                        rs.getObject("referred_on", LocalDate.class), date(rs.getDate("last_contact_on")),
                        date(rs.getDate("next_review_on")), rs.getBoolean("awaiting_acceptance"),
                        rs.getBoolean("asking_helper_is_party")))
                .list();
    }

    private static @Nullable LocalDate date(@Nullable Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
