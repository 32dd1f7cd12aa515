package dev.groundwork.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.mirror.MirrorServer;
import dev.groundwork.ingest.testdb.TestDatabase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of an ingestion: the CLI (the real executable jar, real embedding model) is killed
 * once some documents are stored, started again, and must end with exactly the chunks an uninterrupted run stores —
 * no duplicates, no lost resource.
 */
class ResumeAfterKillIT {

    static final MirrorServer MIRROR = MirrorServer.start();
    static final Path JAR = Path.of("target", "groundwork-ingest.jar").toAbsolutePath();

    @TempDir
    Path dir;

    @AfterAll
    static void stopMirror() {
        MIRROR.close();
    }

    @Test
    void ingestionKilledMidRunResumesToTheSameChunks() throws Exception {
        assertThat(JAR).as("the CLI jar is built by `package`, before integration tests").isRegularFile();
        Path roadmap = Files.writeString(dir.resolve("observability.md"), """
                # Observability drill
                ## Week 1: Metrics
                - [Prometheus Docs](https://prometheus.io/docs/)
                - [OpenTelemetry](https://opentelemetry.io/docs/)
                ## Week 2: Caching
                - https://redis.io/docs/latest/develop/get-started/
                """, StandardCharsets.UTF_8);
        reset();

        Process first = cli(roadmap, "first");
        waitUntil(() -> count("SELECT count(*) FROM document WHERE state = 'fetched'") >= 3, first, 120);
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(count("SELECT count(*) FROM ingest_job WHERE state IN ('queued', 'running')"))
                .as("killed mid-run").isPositive();

        assertThat(run(cli(roadmap, "resumed"), 240)).isZero();
        List<String> resumed = chunkIds();
        assertThat(count("SELECT count(*) FROM ingest_job WHERE state IN ('queued', 'running')")).isZero();
        assertThat(count("SELECT count(*) FROM resource WHERE url IS NOT NULL AND state NOT IN ('fetched', 'not_modified', 'failed')"))
                .as("every resource ends in a recorded state").isZero();

        reset();
        assertThat(run(cli(roadmap, "uninterrupted"), 240)).isZero();
        List<String> uninterrupted = chunkIds();

        assertThat(resumed).isNotEmpty().doesNotHaveDuplicates().isEqualTo(uninterrupted);
    }

    private Process cli(Path roadmap, String name) throws Exception {
        TestDatabase db = TestDatabase.get();
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx1g",
                "-Dspring.datasource.url=" + db.jdbcUrl(),
                "-Dspring.datasource.username=" + db.username(),
                "-Dspring.datasource.password=" + db.password(),
                "-Dgroundwork.ingest.lease=3s",
                "-Dgroundwork.ingest.poll-interval=500ms"));
        MIRROR.fetchProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toString(), "ingest", roadmap.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    private int run(Process process, int seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("CLI did not finish in " + seconds + " s:\n" + logs());
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("CLI exited " + process.exitValue() + ":\n" + logs());
        }
        return process.exitValue();
    }

    private String logs() throws Exception {
        StringBuilder out = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                out.append("--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
            }
        }
        return out.toString();
    }

    private void waitUntil(Check check, Process process, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!check.ok()) {
            if (!process.isAlive()) {
                throw new AssertionError("CLI ended before it could be killed:\n" + logs());
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("nothing stored in " + seconds + " s:\n" + logs());
            }
            Thread.sleep(100);
        }
    }

    private interface Check {
        boolean ok() throws SQLException;
    }

    private void reset() throws SQLException {
        try (Connection c = connect(); Statement sql = c.createStatement()) {
            sql.execute("TRUNCATE roadmap, resource CASCADE");
        } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState())) {   // no schema yet: the CLI's first start migrates
                throw e;
            }
        }
    }

    private List<String> chunkIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = connect(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT id::text || ' ' || (metadata ->> 'content_hash') FROM chunks ORDER BY 1")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private long count(String query) throws SQLException {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {   // the CLI has not migrated the fresh database yet
                return 0;
            }
            throw e;
        }
    }

    private static Connection connect() throws SQLException {
        TestDatabase db = TestDatabase.get();
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }
}
