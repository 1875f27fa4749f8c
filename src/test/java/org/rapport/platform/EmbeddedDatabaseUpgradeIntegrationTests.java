package org.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder the embedded PostgreSQL 14 made before (one role owning the tables, no
 * passwords) refuses to start with a message naming the command, and that command moves every
 * row to the current major, keeping the old folder.
 */
class EmbeddedDatabaseUpgradeIntegrationTests {

    private static final Path PREVIOUS_BINARIES = Path.of(System.getProperty("rapport.test.previous-postgres",
            "target/previous-postgres/previous-postgres.jar"));

    @TempDir Path folder;
    Path data;

    @BeforeEach
    void anOlderDataFolderWithAnOrganisationInIt() throws Exception {
        data = folder.resolve("postgres");
        try (EmbeddedPostgres older = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setPgBinaryResolver(EmbeddedDatabaseUpgradeIntegrationTests::previousBinaries).start()) {
            try (Connection c = older.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create role rapport_app login nosuperuser nobypassrls password 'rapport_app'");
                s.execute("create database rapport owner rapport_app");
            }
            Flyway.configure().dataSource(older.getJdbcUrl("rapport_app", "rapport"), "rapport_app", "rapport_app")
                    .locations("classpath:db/migration").placeholders(Map.of("runtime_role", "rapport_app"))
                    .load().migrate();
            try (Connection c = older.getDatabase("postgres", "rapport").getConnection(); Statement s = c.createStatement()) {
                s.execute("insert into organisation values ('7d3c1f0e-7d1a-4a55-9d0e-2b7f3c1e9a01', 'Riverside Counselling', "
                        + "now(), 0)");
                s.execute("insert into audit_entry (organisation_id, entry_id, happened_at, actor_name, action, record_type, "
                        + "record_id, detail, remote_address) values ('7d3c1f0e-7d1a-4a55-9d0e-2b7f3c1e9a01', "
                        + "gen_random_uuid(), now(), 'Sam Rivers', 'READ', 'relationship', gen_random_uuid(), "
                        + "'Opened the relationship', '127.0.0.1')");
            }
        }
        assertThat(Files.readString(data.resolve("PG_VERSION")).trim()).isEqualTo("14");
    }

    @Test
    void refusesToStartOnTheOlderFolderAndNamesTheUpgradeCommandLeavingItUntouched() throws Exception {
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(data.toString()))
                .hasMessageContaining("holds a PostgreSQL 14 database")
                .hasMessageContaining("runs PostgreSQL " + EmbeddedPostgresServer.MAJOR)
                .hasMessageContaining("mvn -Pupgrade-embedded-database");
        assertThat(Files.readString(data.resolve("PG_VERSION")).trim()).isEqualTo("14");
        assertThat(folder.resolve("postgres.credentials")).doesNotExist();
    }

    @Test
    void movesEveryRowToTheCurrentMajorAndKeepsTheOlderFolder() throws Exception {
        EmbeddedDatabaseUpgrade.Result result = EmbeddedDatabaseUpgrade.upgrade(data, PREVIOUS_BINARIES);

        assertThat(result.fromMajor()).isEqualTo(14);
        assertThat(result.toMajor()).isEqualTo(EmbeddedPostgresServer.MAJOR);
        assertThat(result.rows()).as("two rows and the schema history").isGreaterThan(2);
        assertThat(Files.readString(folder.resolve("postgres-14").resolve("PG_VERSION")).trim()).isEqualTo("14");

        try (EmbeddedPostgresServer upgraded = EmbeddedPostgresServer.start(data.toString());
                Connection c = DriverManager.getConnection(upgraded.jdbcUrl(), upgraded.runtime().username(),
                        upgraded.runtime().password());
                Statement s = c.createStatement()) {
            s.execute("select set_config('rapport.organisation_id', '7d3c1f0e-7d1a-4a55-9d0e-2b7f3c1e9a01', false)");
            try (ResultSet rs = s.executeQuery("select current_setting('server_version_num')::int / 10000, "
                    + "(select name from organisation), (select detail from audit_entry)")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(EmbeddedPostgresServer.MAJOR);
                assertThat(rs.getString(2)).isEqualTo("Riverside Counselling");
                assertThat(rs.getString(3)).isEqualTo("Opened the relationship");
            }
            try (ResultSet rs = s.executeQuery("select count(*) from pg_tables where schemaname = 'public' "
                    + "and tableowner <> 'rapport_owner'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("tables not owned by the owner role").isZero();
            }
        }
    }

    @Test
    void runsTheMajorItsConstantNames() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start("");
                Connection c = DriverManager.getConnection(server.jdbcUrl(), server.runtime().username(),
                        server.runtime().password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select current_setting('server_version_num')::int / 10000")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(EmbeddedPostgresServer.MAJOR);
        }
    }

    private static InputStream previousBinaries(String system, String hardware) throws java.io.IOException {
        return EmbeddedDatabaseUpgrade.binaryFrom(PREVIOUS_BINARIES, system, hardware);
    }
}
