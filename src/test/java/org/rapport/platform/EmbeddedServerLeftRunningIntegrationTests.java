package org.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When Rapport's Java process is killed, the PostgreSQL server it started is left running; the
 * next start stops it, says so, and starts cleanly with the data intact.
 */
class EmbeddedServerLeftRunningIntegrationTests {

    @TempDir Path folder;

    @Test
    void nextStartStopsTheServerAKilledRapportLeftRunningAndKeepsItsData() throws Exception {
        Path data = folder.resolve("postgres");
        Process killedRapport = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"),
                StartsAServerAndDiesAbruptly.class.getName(), data.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("killed-rapport.log").toFile())
                .start();
        assertThat(killedRapport.waitFor(120, TimeUnit.SECONDS)).as("the first process ended").isTrue();
        assertThat(killedRapport.exitValue()).as(Files.readString(folder.resolve("killed-rapport.log"))).isEqualTo(0);
        long orphan = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("server left running").contains(true);

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(data.toString());
                Connection c = DriverManager.getConnection(restarted.jdbcUrl(), restarted.owner().username(), restarted.owner().password());
                Statement s = c.createStatement();
                var rs = s.executeQuery("select note from written_before_the_kill")) {
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    /** Starts the embedded server, writes a row, then halts without shutdown hooks, as a kill would. */
    static final class StartsAServerAndDiesAbruptly {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(new File(args[0]).getPath());
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.owner().username(), server.owner().password()); Statement s = c.createStatement()) {
                s.execute("create table written_before_the_kill (note text)");
                s.execute("insert into written_before_the_kill values ('still here')");
            }
            Runtime.getRuntime().halt(0);
        }
    }
}
