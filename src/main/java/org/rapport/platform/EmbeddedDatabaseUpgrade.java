package org.rapport.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves an embedded data folder from an earlier PostgreSQL major to the one Rapport runs now.
 *
 * <p>The embedded server's binaries carry only the server itself (no {@code pg_upgrade}, no
 * {@code pg_dump}), so the upgrade is done the way Rapport knows its own schema: the old folder is
 * set aside untouched, the old server is started on it from its own binaries, a new folder is
 * created and migrated to the same schema version, and every table is copied across with
 * PostgreSQL's {@code COPY}, row counts checked table by table. The old folder is kept, renamed,
 * until whoever runs Rapport deletes it.
 *
 * <p>Run with {@code mvn -Pupgrade-embedded-database} (which fetches the earlier binaries), or
 * {@code java -cp … org.rapport.platform.EmbeddedDatabaseUpgrade <data folder> <binaries jar>}.
 */
public final class EmbeddedDatabaseUpgrade {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseUpgrade.class);

    private EmbeddedDatabaseUpgrade() {
    }

    /** What was moved: kept for the closing message and for tests. */
    record Result(int fromMajor, int toMajor, Path keptFolder, int tables, long rows) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("Usage: EmbeddedDatabaseUpgrade <embedded data folder> <earlier PostgreSQL binaries jar>");
            System.exit(2);
        }
        Result result = upgrade(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]));
        System.out.printf("Upgraded %s from PostgreSQL %d to %d: %d tables, %d rows copied and counted.%n"
                + "The earlier folder is kept as %s; delete it once Rapport runs well on the new one.%n",
                args[0], result.fromMajor(), result.toMajor(), result.tables(), result.rows(), result.keptFolder());
    }

    static Result upgrade(Path dataDirectory, Path earlierBinariesJar) throws IOException, SQLException {
        int from = EmbeddedPostgresServer.majorOf(dataDirectory)
                .orElseThrow(() -> new IllegalStateException(dataDirectory + " holds no PostgreSQL data folder"));
        int to = EmbeddedPostgresServer.MAJOR;
        if (from == to) {
            throw new IllegalStateException(dataDirectory + " already holds a PostgreSQL " + to + " data folder");
        }
        if (!Files.isRegularFile(earlierBinariesJar)) {
            throw new IllegalStateException("The PostgreSQL " + from + " binaries are not at " + earlierBinariesJar);
        }
        Path kept = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-" + from);
        if (Files.exists(kept)) {
            throw new IllegalStateException(kept + " already exists; move it away and run the upgrade again");
        }
        Files.move(dataDirectory, kept);
        log.info("Set the PostgreSQL {} folder aside as {}; copying it into a new PostgreSQL {} folder", from, kept, to);
        EmbeddedCredentials credentials = EmbeddedCredentials.keptBeside(dataDirectory, false);
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder()
                        .setDataDirectory(kept).setCleanDataDirectory(false)
                        .setPgBinaryResolver((system, hardware) -> binaryFrom(earlierBinariesJar, system, hardware))
                        .setServerConfig("listen_addresses", "localhost")
                        .setConnectConfig("password", credentials.superuser())
                        .start();
                EmbeddedPostgresServer current = EmbeddedPostgresServer.start(dataDirectory.toString())) {
            try (Connection source = earlier.getDatabase(EmbeddedPostgresServer.SUPERUSER,
                            EmbeddedPostgresServer.DATABASE).getConnection();
                    Connection target = current.superuserConnection()) {
                String version = schemaVersion(source);
                Flyway.configure()
                        .dataSource(current.jdbcUrl(), current.owner().username(), current.owner().password())
                        .locations("classpath:db/migration")
                        .placeholders(Map.of("runtime_role", current.runtime().username()))
                        .target(version)
                        .load()
                        .migrate();
                long rows = 0;
                List<String> tables = tables(source);
                try (Statement s = target.createStatement()) {
                    // Rows arrive table by table, so foreign keys are checked once everything is there.
                    s.execute("set session_replication_role = replica");
                    s.execute("truncate flyway_schema_history");
                }
                for (String table : tables) {
                    rows += copy(source, target, table);
                }
                try (Statement s = target.createStatement()) {
                    s.execute("set session_replication_role = origin");
                }
                log.info("Copied {} tables and {} rows from PostgreSQL {} to {}", tables.size(), rows, from, to);
                return new Result(from, to, kept, tables.size(), rows);
            }
        }
    }

    /** The server's binaries from a binaries jar that is not on the class path (its entry name clashes). */
    static InputStream binaryFrom(Path jar, String system, String hardware) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        String name = ("postgres-" + system + "-" + hardware + ".txz").toLowerCase(java.util.Locale.ROOT);
        var entry = zip.getEntry(name);
        if (entry == null) {
            zip.close();
            throw new IOException(jar + " holds no " + name);
        }
        InputStream in = zip.getInputStream(entry);
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                super.close();
                zip.close();
            }
        };
    }

    private static String schemaVersion(Connection source) throws SQLException {
        try (Statement s = source.createStatement();
                ResultSet rs = s.executeQuery("select version from flyway_schema_history where success and version is not null "
                        + "order by installed_rank desc limit 1")) {
            if (!rs.next()) throw new IllegalStateException("The earlier database holds no Rapport schema");
            return rs.getString(1);
        }
    }

    private static List<String> tables(Connection source) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = source.createStatement();
                ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public' order by 1")) {
            while (rs.next()) tables.add(rs.getString(1));
        }
        return tables;
    }

    /** Streams one table across in COPY's text format, which every PostgreSQL major reads alike. */
    private static long copy(Connection source, Connection target, String table) throws SQLException, IOException {
        String columns = columns(source, table);
        String name = "\"" + table.replace("\"", "\"\"") + "\"";
        long copied;
        try (PGCopyInputStream rows = new PGCopyInputStream(source.unwrap(PGConnection.class),
                "copy " + name + " (" + columns + ") to stdout")) {
            copied = target.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + name + " (" + columns + ") from stdin", rows);
        }
        long expected = count(source, name);
        if (copied != expected || count(target, name) != expected) {
            throw new IllegalStateException("Table " + table + ": " + expected + " rows in the earlier database, "
                    + copied + " copied; the earlier folder is untouched");
        }
        return copied;
    }

    private static String columns(Connection source, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (var statement = source.prepareStatement("select attname from pg_attribute where attrelid = ('public.' || "
                + "quote_ident(?))::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) columns.add("\"" + rs.getString(1).replace("\"", "\"\"") + "\"");
            }
        }
        return String.join(", ", columns);
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
