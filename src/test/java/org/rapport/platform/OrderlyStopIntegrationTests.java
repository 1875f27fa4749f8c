package org.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.RapportApplication;

/**
 * SIGTERM while Rapport is starting, in the middle of seeding the demo organisation: the start
 * finishes, the seeding's transaction commits, and only then do Rapport and its embedded server
 * stop. Before, the server library's own shutdown hook stopped PostgreSQL under the seeding.
 */
class OrderlyStopIntegrationTests {

    @TempDir Path folder;

    @Test
    void aStopDuringStartUpLetsTheDemoSeedingFinishBeforeTheDatabaseStops() throws Exception {
        Path data = folder.resolve("postgres");
        Path log = folder.resolve("rapport.log");
        ProcessBuilder start = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"),
                RapportApplication.class.getName(),
                "--rapport.embedded.data-dir=" + data,
                "--rapport.embedded.durable=true",
                "--rapport.notes.keyset-file=" + folder.resolve("keys").resolve("notes-keyset.json"),
                "--rapport.demo.seed=always",
                "--server.port=0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Rapport on its embedded server, even when the suite itself runs against an external one.
        start.environment().keySet().removeIf(name -> name.startsWith("SPRING_DATASOURCE_") || name.startsWith("SPRING_FLYWAY_"));
        Process rapport = start.start();

        for (int i = 0; i < 360 && !Files.readString(log).contains("Seeding the demo organisation"); i++) {
            Thread.sleep(500);
        }
        assertThat(Files.readString(log)).as("seeding began").contains("Seeding the demo organisation");
        rapport.destroy();   // SIGTERM
        assertThat(rapport.waitFor(120, TimeUnit.SECONDS)).as("Rapport stopped").isTrue();
        String output = Files.readString(log);

        assertThat(rapport.exitValue()).as("stopped by SIGTERM, in order: %s", output).isEqualTo(143);
        assertThat(output).contains("Stopping Rapport (SIGTERM)");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data.toString());
                Connection c = server.superuserConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from user_account where username like '%@demo'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the demo's sign-ins, all committed").isEqualTo(5);
        }
    }
}
