package org.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The second wall: PostgreSQL itself shows a connection only its organisation's rows. */
@SpringBootTest
class RowLevelSecurityIntegrationTests {

    @Autowired AccountManagement accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void showsNoRowsWhenNoOrganisationIsInScope() {
        accounts.openOrganisation("Riverside Counselling");
        assertThat(jdbc.sql("select count(*) from organisation").query(Long.class).single()).isZero();
    }

    @Test
    void showsOnlyTheOrganisationInScopeEvenWithoutAFilterInTheQuery() {
        OrganisationId riverside = accounts.openOrganisation("Riverside Counselling");
        OrganisationId hillside = accounts.openOrganisation("Hillside Nursing");

        var seenFromRiverside = Tenancy.callAs(riverside,
                () -> jdbc.sql("select organisation_id from organisation").query(UUID.class).list());

        assertThat(seenFromRiverside).containsExactly(riverside.value()).doesNotContain(hillside.value());
    }

    @Test
    void refusesToWriteARowIntoAnotherOrganisation() {
        OrganisationId riverside = accounts.openOrganisation("Riverside Counselling");
        OrganisationId hillside = accounts.openOrganisation("Hillside Nursing");

        assertThatThrownBy(() -> Tenancy.runAs(riverside, () -> jdbc.sql("""
                insert into audit_entry (organisation_id, entry_id, happened_at, actor_name, action, record_type,
                                         record_id, detail, remote_address)
                values (?, ?, now(), 'x', 'READ', 'test', ?, 'x', 'x')""")
                .params(hillside.value(), UUID.randomUUID(), UUID.randomUUID()).update()))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("row-level security");
    }

    /**
     * Only these tables carry an organisation outside the policies, each because work must find its
     * organisation before one is in scope; none holds a name, a note or anything else of a client.
     */
    static final List<String> LOOKUP_TABLES = List.of(
            "sign_in_name",          // sign-in: the organisation of a sign-in name
            "api_token_lookup",      // an API call: the organisation of a token's hash
            "calendar_feed_token",   // a helper's calendar feed: the organisation of its token's hash
            "administration_link",   // a client's measure link: the organisation of its token's hash
            "follow_up_link",        // a client's follow-up link: likewise
            "reconnect_link",        // a client's reconnect link: likewise
            "follow_up_calendar",    // the hourly release: which organisations have follow-ups due
            "mail_due",              // the mail worker: which messages are due, in which organisation
            "invitation_link",       // an invitation link: the organisation of its token's hash
            "password_reset_link",   // a password reset link: likewise
            "hosted_organisation",   // sign-in and the operator: which organisations exist, which are suspended
            "operator_audit_entry"); // what operators did: names an organisation, never a client

    @Test
    void everyOtherTableWithAnOrganisationIsBehindItsPolicy() {
        List<String> outside = jdbc.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind = 'r'
                  and exists (select 1 from pg_attribute a
                              where a.attrelid = c.oid and a.attname = 'organisation_id' and not a.attisdropped)
                  and not (c.relrowsecurity and c.relforcerowsecurity)""").query(String.class).list();

        assertThat(outside).containsExactlyInAnyOrderElementsOf(LOOKUP_TABLES);
    }

    @Test
    void runsAsARoleThatCannotBypassRowLevelSecurity() {
        Boolean bypasses = jdbc.sql("select rolsuper or rolbypassrls from pg_roles where rolname = current_user")
                .query(Boolean.class).single();
        assertThat(bypasses).isFalse();
    }

    @Test
    void runsAsARoleThatOwnsNoTableSoCannotSwitchTheWallOff() {
        assertThat(jdbc.sql("select count(*) from pg_tables where schemaname = current_schema() and tableowner = current_user")
                .query(Long.class).single()).as("tables the runtime role owns").isZero();

        for (String switchOff : List.of(
                "alter table helper no force row level security",
                "alter table helper disable row level security",
                "drop policy organisation_isolation on helper",
                "create policy everything on helper using (true)")) {
            assertThatThrownBy(() -> jdbc.sql(switchOff).update()).as(switchOff)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause().hasMessageContaining("must be owner");
        }
    }

    @Test
    void runsAsARoleThatCannotBecomeTheOwnerOrCreateTables() {
        String owner = jdbc.sql("select tableowner from pg_tables where tablename = 'helper'").query(String.class).single();

        assertThatThrownBy(() -> jdbc.sql("set role \"" + owner + "\"").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("create table a_table_of_its_own (id int)").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("permission denied");
    }
}
