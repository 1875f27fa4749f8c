package org.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server asks every role for its password, keeps the generated passwords where only
 * their owner can read them, and gives the application a role that owns nothing.
 */
class EmbeddedDatabaseRolesIntegrationTests {

    @TempDir Path folder;

    @Test
    void keepsTheGeneratedPasswordsBesideTheDataReadableOnlyByTheirOwner() throws Exception {
        Path data = folder.resolve("postgres");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data.toString())) {
            Path file = folder.resolve("postgres.credentials");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            Properties stored = new Properties();
            try (var in = Files.newBufferedReader(file)) {
                stored.load(in);
            }
            assertThat(stored.getProperty("runtime")).isEqualTo(server.runtime().password()).hasSizeGreaterThan(30);
            assertThat(stored.getProperty("owner")).isEqualTo(server.owner().password());
            assertThat(stored.getProperty("superuser")).isNotBlank().isNotEqualTo(stored.getProperty("owner"));
        }
    }

    @Test
    void refusesEveryRoleWithoutItsPasswordOnLoopback() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder.resolve("postgres").toString())) {
            for (String role : new String[] {"postgres", EmbeddedPostgresServer.OWNER, EmbeddedPostgresServer.RUNTIME}) {
                assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), role, "guessed").close())
                        .as(role).isInstanceOf(SQLException.class)
                        .hasMessageContaining("password authentication failed");
            }
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.runtime().username(),
                    server.runtime().password())) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void startsAgainWithTheSamePasswords() throws Exception {
        Path data = folder.resolve("postgres");
        String runtimePassword;
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data.toString())) {
            runtimePassword = first.runtime().password();
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(data.toString());
                Connection c = DriverManager.getConnection(again.jdbcUrl(), EmbeddedPostgresServer.RUNTIME,
                        runtimePassword)) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void saysWhatIsMissingWhenThePasswordsFileIsLost() throws Exception {
        Path data = folder.resolve("postgres");
        EmbeddedPostgresServer.start(data.toString()).close();
        Files.delete(folder.resolve("postgres.credentials"));

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(data.toString()))
                .hasMessageContaining("postgres.credentials")
                .hasMessageContaining("Restore it from the backup");
    }

    /**
     * A data folder from before the roles were split: loopback trusted, and the one role owned the
     * tables. The next start gives it passwords and moves the tables to the owner role.
     */
    @Test
    void bringsAnOlderDataFolderUnderPasswordsAndMovesItsTablesToTheOwnerRole() throws Exception {
        Path data = folder.resolve("postgres");
        try (EmbeddedPostgres older = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .start()) {
            try (Connection c = older.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create role rapport_app login nosuperuser nobypassrls password 'rapport_app'");
                s.execute("create database rapport owner rapport_app");
            }
            try (Connection c = DriverManager.getConnection(older.getJdbcUrl("rapport_app", "rapport"));
                    Statement s = c.createStatement()) {
                s.execute("create table kept (note text)");
                s.execute("insert into kept values ('written before the upgrade')");
                s.execute("alter table kept enable row level security");
                s.execute("create policy everyone on kept using (true)");
            }
        }

        try (EmbeddedPostgresServer upgraded = EmbeddedPostgresServer.start(data.toString())) {
            assertThatThrownBy(() -> DriverManager.getConnection(upgraded.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            try (Connection owner = DriverManager.getConnection(upgraded.jdbcUrl(), upgraded.owner().username(),
                    upgraded.owner().password()); Statement s = owner.createStatement();
                    ResultSet rs = s.executeQuery("select tableowner from pg_tables where tablename = 'kept'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(EmbeddedPostgresServer.OWNER);
                s.execute("grant select on kept to " + EmbeddedPostgresServer.RUNTIME);
            }
            try (Connection runtime = DriverManager.getConnection(upgraded.jdbcUrl(), upgraded.runtime().username(),
                    upgraded.runtime().password()); Statement s = runtime.createStatement()) {
                try (ResultSet rs = s.executeQuery("select note from kept")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("written before the upgrade");
                }
                assertThatThrownBy(() -> s.execute("alter table kept disable row level security"))
                        .hasMessageContaining("must be owner");
            }
        }
    }
}
