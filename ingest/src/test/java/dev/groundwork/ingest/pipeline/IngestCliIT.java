package dev.groundwork.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.testdb.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's {@code import} against a real database, configured like a user would: through properties. */
class IngestCliIT {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final IngestCli cli = new IngestCli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @BeforeEach
    void pointAtTestDatabase() throws SQLException {
        TestDatabase db = TestDatabase.get();
        System.setProperty("spring.datasource.url", db.jdbcUrl());
        System.setProperty("spring.datasource.username", db.username());
        System.setProperty("spring.datasource.password", db.password());
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty("spring.datasource.url");
        System.clearProperty("spring.datasource.username");
        System.clearProperty("spring.datasource.password");
    }

    @Test
    void importsRoadmapsAndReportsEachOnOneLine() throws Exception {
        Path a = seed("002_b3a40b5122b0f3e3.txt");
        Path b = seed("004_f81cf6d221e2f740.txt");

        int code = cli.run("import", a.toString(), b.toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("topics").containsPattern("; \\d+ ingestion jobs? queued"));
        assertThat(count("SELECT count(*) FROM roadmap WHERE source_name IN ('002_b3a40b5122b0f3e3.txt', "
                + "'004_f81cf6d221e2f740.txt')")).isEqualTo(2);
        assertThat(count("SELECT count(DISTINCT j.roadmap_id) FROM ingest_job j JOIN roadmap r ON r.id = j.roadmap_id "
                + "WHERE j.state = 'queued' AND r.source_name IN ('002_b3a40b5122b0f3e3.txt', "
                + "'004_f81cf6d221e2f740.txt')")).isEqualTo(2);
    }

    @Test
    void reimportReportsUnchanged() throws Exception {
        Path a = seed("003_0efd650f91282031.txt");
        cli.run("import", a.toString());
        out.reset();

        int code = cli.run("import", a.toString());

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("unchanged");
    }

    @Test
    void aBadFileFailsAloneAndTheOthersAreImported() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.md"), "  \n\n");
        Path good = seed("001_1a123edda492b329.txt");
        long before = count("SELECT count(*) FROM roadmap");

        int code = cli.run("import", empty.toString(), good.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString().contains("empty.md");
        assertThat(count("SELECT count(*) FROM roadmap")).isBetween(before, before + 1);
        assertThat(count("SELECT count(*) FROM roadmap WHERE source_name = '001_1a123edda492b329.txt'")).isEqualTo(1);
    }

    @Test
    void aDifferentRoadmapWithATakenTitleIsOneLineNamingItAndImportsNothing() throws Exception {
        String title = "Clash Plan " + System.nanoTime();
        Path stored = plan("stored.md", title, "Week 1: Basics");
        Path edited = plan("edited.md", title, "Week 1: Other basics");
        assertThat(cli.run("import", stored.toString())).isZero();
        String id = roadmapIdOf("stored.md");
        long roadmaps = count("SELECT count(*) FROM roadmap");
        out.reset();

        int code = cli.run("import", edited.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .startsWith("groundwork-ingest: " + edited)
                .contains(title).contains(id)
                .contains("import --update " + id + " " + edited)
                .contains("import --new " + edited);
        assertThat(count("SELECT count(*) FROM roadmap")).isEqualTo(roadmaps);
        assertThat(count("SELECT count(*) FROM roadmap WHERE source_name = 'edited.md'")).isZero();
    }

    @Test
    void updateReplacesTheNamedRoadmapKeepingItsId() throws Exception {
        String title = "Update Plan " + System.nanoTime();
        assertThat(cli.run("import", plan("first.md", title, "Week 1: Basics").toString())).isZero();
        String id = roadmapIdOf("first.md");
        out.reset();

        int code = cli.run("import", "--update", id, plan("renamed.md", "Renamed " + title, "Week 1: More").toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(id).contains("Renamed " + title).contains("updated");
        assertThat(count("SELECT count(*) FROM roadmap WHERE id = '" + id + "' AND source_name = 'renamed.md'"
                + " AND title = 'Renamed " + title + "'")).isEqualTo(1);
    }

    @Test
    void updateOfAnUnknownIdIsOneLineAndExitOne() throws Exception {
        int code = cli.run("import", "--update", "no-such-roadmap", plan("any.md", "Any Plan", "Week 1: X").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .contains("any.md").contains("no-such-roadmap");
    }

    @Test
    void newImportsASecondRoadmapUnderASuffixedId() throws Exception {
        String title = "New Plan " + System.nanoTime();
        assertThat(cli.run("import", plan("one.md", title, "Week 1: Basics").toString())).isZero();
        String id = roadmapIdOf("one.md");

        int code = cli.run("import", "--new", plan("two.md", title, "Week 1: Other").toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(count("SELECT count(*) FROM roadmap WHERE id = '" + id + "-2' AND source_name = 'two.md'"))
                .isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(id + "-2").contains("(new)");
    }

    @Test
    void unreachableDatabaseIsOneLine() throws Exception {
        System.setProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/groundwork");
        Path a = seed("002_b3a40b5122b0f3e3.txt");

        int code = cli.run("import", a.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .startsWith("groundwork-ingest: cannot start:").contains("database");
    }

    private Path plan(String file, String title, String week) throws IOException {
        return Files.writeString(dir.resolve(file), "# " + title + "\n\n## " + week + "\n\n- Study the basics\n");
    }

    private String roadmapIdOf(String sourceName) throws SQLException {
        TestDatabase db = TestDatabase.get();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                var query = c.prepareStatement("SELECT id FROM roadmap WHERE source_name = ?")) {
            query.setString(1, sourceName);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private long count(String sql) throws SQLException {
        TestDatabase db = TestDatabase.get();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Path seed(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/roadmap/" + name)) {
            Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }
}
