package org.rapport.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server Rapport starts for itself when no external database is configured.
 *
 * <p>It runs as a superuser, so Rapport creates an ordinary login role that owns the application
 * database: row-level security binds that role (superusers bypass it), which keeps the embedded
 * default as close to production as it can be.
 *
 * <p>The server library is made for throw-away test databases and turns durability off (it starts
 * PostgreSQL with {@code -F}, i.e. without fsync, and with {@code synchronous_commit=off}). A
 * commit Rapport has acknowledged to a helper must survive a crash or a power cut, so a durable
 * server sets all three durability settings back on; later {@code -c} options override {@code -F}.
 * Only the suite's own throw-away databases run without them.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "rapport";
    static final String ROLE = "rapport_app";
    // Local-only role on a server bound to loopback; not a secret.
    static final String ROLE_PASSWORD = "rapport_app";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(String dataDirectory) {
        return start(dataDirectory, Durability.DURABLE);
    }

    static EmbeddedPostgresServer start(String dataDirectory, Durability durability) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100");
            durability.settings().forEach(builder::setServerConfig);
            if (durability == Durability.THROW_AWAY) {
                log.info("Embedded PostgreSQL runs without fsync: for throw-away test databases only");
            }
            if (!dataDirectory.isBlank()) {
                Path dir = Path.of(dataDirectory).toAbsolutePath();
                Files.createDirectories(dir.getParent());
                stopServerLeftRunning(dir);
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
                log.info("Embedded PostgreSQL keeps its data in {}", dir);
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start());
            server.prepareApplicationDatabase();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL server did not start", e);
        }
    }

    /**
     * When Rapport's Java process was killed, the PostgreSQL server it started keeps running and
     * holds the data folder, so the next start would fail. Such a server has no clients left (they
     * died with the process), so it is asked to shut down as usual; only if it will not, it is
     * killed, which durable settings make safe: PostgreSQL recovers from its write-ahead log.
     */
    static void stopServerLeftRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) return;
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.get(0).trim().matches("\\d+")) return;
        long pid = Long.parseLong(lines.get(0).trim());
        Optional<ProcessHandle> server = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .filter(p -> sameFolder(Path.of(lines.get(1).trim()), dataDirectory));
        if (server.isEmpty()) return;   // a stale file: PostgreSQL itself sees that the process is gone
        log.warn("Found the embedded PostgreSQL server left running by an earlier start of Rapport (pid {}); "
                + "stopping it before starting again", pid);
        ProcessHandle orphan = server.get();
        orphan.destroy();
        if (!waitForExit(orphan, Duration.ofSeconds(60))) {
            log.warn("The PostgreSQL server left running (pid {}) did not stop within 60 s; killing it, "
                    + "it will recover from its write-ahead log", pid);
            orphan.descendants().forEach(ProcessHandle::destroyForcibly);
            orphan.destroyForcibly();
            if (!waitForExit(orphan, Duration.ofSeconds(30))) {
                throw new IllegalStateException("The PostgreSQL server left running (pid " + pid
                        + ") still holds " + dataDirectory + "; stop it by hand and start Rapport again");
            }
        }
        log.warn("Stopped the PostgreSQL server left running (pid {}); starting the embedded server again", pid);
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration limit) {
        try {
            process.onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }

    /** Whether the server may lose acknowledged commits in a crash, as only a test database may. */
    enum Durability {
        DURABLE(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on")),
        THROW_AWAY(Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));

        private final Map<String, String> settings;

        Durability(Map<String, String> settings) {
            this.settings = settings;
        }

        Map<String, String> settings() {
            return settings;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    private void prepareApplicationDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + ROLE + "'")) {
                if (!rs.next()) {
                    s.execute("create role " + ROLE + " login nosuperuser nobypassrls password '" + ROLE_PASSWORD + "'");
                }
            }
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + DATABASE + " owner " + ROLE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded Rapport database", e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
