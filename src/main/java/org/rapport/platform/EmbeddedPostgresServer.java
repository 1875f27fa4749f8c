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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server Rapport starts for itself when no external database is configured.
 *
 * <p>It runs as a superuser, so Rapport creates an ordinary login role that owns the application
 * database: row-level security binds that role (superusers bypass it), which keeps the embedded
 * default as close to production as it can be.
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
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100");
            if (!dataDirectory.isBlank()) {
                Path dir = Path.of(dataDirectory).toAbsolutePath();
                Files.createDirectories(dir.getParent());
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
