package org.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.platform.EmbeddedPostgresServer.Durability;

/**
 * The embedded default keeps what it acknowledged: a write Rapport was told is committed is still
 * there, whole, after the database server is killed mid-write and started again.
 */
class EmbeddedDurabilityIntegrationTests {

    private static final int WRITERS = 4;
    private static final String PAYLOAD = "x".repeat(2_000);

    @TempDir Path folder;

    @Test
    void runsWithFsyncSynchronousCommitAndFullPageWritesOn() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder.resolve("postgres").toString());
                Connection c = connect(server); Statement s = c.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (var rs = s.executeQuery("show " + setting)) {
                    rs.next();
                    assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    @Test
    void keepsEveryAcknowledgedWriteWhenTheServerIsKilledDuringConcurrentWrites() throws Exception {
        Path data = folder.resolve("postgres");
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();

        EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data.toString(), Durability.DURABLE);
        try (Connection c = connect(first); Statement s = c.createStatement()) {
            s.execute("create table acknowledged_write (id integer primary key, payload text not null)");
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch enoughWritten = new CountDownLatch(200);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> write(first, writer, acknowledged, writing, enoughWritten));
        }
        assertThat(enoughWritten.await(60, TimeUnit.SECONDS)).as("writes under way").isTrue();

        killServerProcesses(data);
        writing.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        first.close();

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(data.toString(), Durability.DURABLE);
                Connection c = connect(restarted); Statement s = c.createStatement()) {
            Set<Integer> found = new java.util.HashSet<>();
            try (var rs = s.executeQuery("select id, payload from acknowledged_write")) {
                while (rs.next()) {
                    assertThat(rs.getString(2)).as("row %d whole", rs.getInt(1)).isEqualTo(PAYLOAD + rs.getInt(1));
                    found.add(rs.getInt(1));
                }
            }
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(200);
            assertThat(found).containsAll(acknowledged);
        }
    }

    /** One writer commits a row at a time and notes its id only once the commit has returned. */
    private static void write(EmbeddedPostgresServer server, int writer, Set<Integer> acknowledged,
            AtomicBoolean writing, CountDownLatch enoughWritten) {
        try (Connection c = connect(server);
                PreparedStatement insert = c.prepareStatement("insert into acknowledged_write values (?, ?)")) {
            for (int n = 0; writing.get(); n++) {
                int id = n * WRITERS + writer;
                insert.setInt(1, id);
                insert.setString(2, PAYLOAD + id);
                insert.executeUpdate();
                acknowledged.add(id);
                enoughWritten.countDown();
            }
        } catch (SQLException expectedOnceTheServerIsKilled) {
            // The kill breaks the connection; what was acknowledged before it is what counts.
        }
    }

    /** SIGKILL for the postmaster and every backend, as a crash or the OOM killer would do it. */
    private static void killServerProcesses(Path data) throws Exception {
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle handle = ProcessHandle.of(postmaster).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(handle.descendants().toList());
        all.add(handle);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.owner().username(), server.owner().password());
    }
}
