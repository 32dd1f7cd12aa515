package dev.groundwork.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.mirror.MirrorServer;
import dev.groundwork.ingest.testdb.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code groundwork-ingest work}: the worker role works off jobs another process queued, against a database of its
 * own (so no other test's jobs are in its queue) and the offline mirror.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class WorkCommandIT {

    static final String ROADMAP = """
            # Worker drill
            ## Week 1: Redis
            - Redis data types
            - https://redis.io/docs/latest/develop/get-started/
            """;

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final IngestCli cli = new IngestCli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    final Map<String, String> properties = new HashMap<>();

    @BeforeEach
    void pointAtAWorkDatabaseAndTheMirror() throws SQLException {
        TestDatabase db = TestDatabase.named("work-command");
        properties.put("spring.datasource.url", db.jdbcUrl());
        properties.put("spring.datasource.username", db.username());
        properties.put("spring.datasource.password", db.password());
        properties.putAll(MirrorServer.shared().fetchProperties());
        properties.put("groundwork.ingest.poll-interval", "100ms");
        properties.forEach(System::setProperty);
        try (Connection c = connect(); Statement sql = c.createStatement()) {
            sql.execute("TRUNCATE roadmap, resource CASCADE");
        } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState())) {   // no schema yet: the first command migrates
                throw e;
            }
        }
    }

    @AfterEach
    void clearProperties() {
        properties.keySet().forEach(System::clearProperty);
    }

    @Test
    void workWorksOffTheQueuedJobsOfEveryRoadmapAndExits() throws Exception {
        assertThat(cli.run("import", plan().toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(count("SELECT count(*) FROM ingest_job WHERE state = 'queued'")).isEqualTo(2);
        out.reset();

        int code = cli.run("work");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("worked 2 jobs, ").contains("chunks embedded");
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .anySatisfy(line -> assertThat(line).contains("worker-drill").contains("fetched")
                        .contains("https://redis.io/docs/latest/develop/get-started/"))
                .anySatisfy(line -> assertThat(line).contains("topic texts"));
        assertThat(count("SELECT count(*) FROM ingest_job WHERE state <> 'done'")).isZero();
        assertThat(count("SELECT count(*) FROM chunks")).isPositive();
    }

    @Test
    void workWatchKeepsTakingNewJobsUntilStopped() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            // imported before the watcher starts: two Spring contexts starting at once in one JVM once made the
            // watcher fail to start in CI (exit 1, not reproduced since); a CLI is one process in real use
            importElsewhere(plan());
            CompletableFuture<Integer> watching = CompletableFuture.supplyAsync(() -> cli.run("work", "--watch"),
                    thread);
            awaitDoneJobs(2, watching);
            // queued once the worker had found the queue empty: only a worker that keeps watching takes them
            importElsewhere(Files.writeString(dir.resolve("second.md"), ROADMAP.replace("Worker drill", "Second drill")));
            awaitDoneJobs(4, watching);
            thread.shutdownNow();   // interrupts the watching CLI: a stop

            assertThat(watching.get(60, TimeUnit.SECONDS)).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("worked 4 jobs, ");
        } finally {
            thread.shutdownNow();
        }
    }

    private void importElsewhere(Path roadmap) {
        assertThat(new IngestCli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err)
                .run("import", roadmap.toString())).isZero();
    }

    private void awaitDoneJobs(int jobs, CompletableFuture<Integer> watching) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (count("SELECT count(*) FROM ingest_job WHERE state = 'done'") < jobs) {
            assertThat(watching).as("still watching; it said: %s", err.toString(StandardCharsets.UTF_8)).isNotDone();
            assertThat(System.nanoTime()).as("%d jobs done in time", jobs).isLessThan(deadline);
            Thread.sleep(100);   // the jobs are done in another context: polling their table is the only signal
        }
    }

    private Path plan() throws Exception {
        return Files.writeString(dir.resolve("worker.md"), ROADMAP);
    }

    private long count(String query) throws SQLException {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {   // not migrated yet
                return 0;
            }
            throw e;
        }
    }

    private static Connection connect() throws SQLException {
        TestDatabase db = TestDatabase.named("work-command");
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }
}
