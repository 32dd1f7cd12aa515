package dev.groundwork.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class IngestCliTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final IngestCli cli = new IngestCli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void parsePrintsTheTopicTreeAsJson() throws IOException {
        Path file = seed("000_72930f71c79b6e62.txt");

        int code = cli.run("parse", file.toString(), "--json");

        assertThat(code).isZero();
        JsonNode roadmap = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode month1 = roadmap.get("topics").get(0);
        assertThat(month1.get("kind").asString()).isEqualTo("month");
        assertThat(month1.get("title").asString()).startsWith("Month 1");
        assertThat(month1.get("id").asString()).hasSize(36);
        for (String field : new String[] {"concepts", "resources", "buildTasks", "interviewFocus", "children"}) {
            assertThat(month1.get(field).isArray()).as(field).isTrue();
        }
        JsonNode primer = month1.get("resources").get(0);
        assertThat(primer.get("url").asString()).isEqualTo("https://github.com/donnemartin/system-design-primer");
        assertThat(primer.get("title").asString()).isEqualTo("System Design Primer (GitHub)");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void parsePrintsAnOutline() throws IOException {
        int code = cli.run("parse", seed("004_f81cf6d221e2f740.txt").toString());

        assertThat(code).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("milestone: ").contains("week: ");
    }

    @Test
    void parseOfAMissingFileIsOneLineAndExitOne() {
        int code = cli.run("parse", dir.resolve("nope.md").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .contains("nope.md").contains("no such file");
        assertThat(out.size()).isZero();
    }

    @Test
    void parseOfABinaryFileIsRejectedInOneLine() throws IOException {
        Path binary = Files.write(dir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2});

        int code = cli.run("parse", binary.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString().contains("image.png");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(cli.run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'").contains("usage:");
    }

    @Test
    void noArgumentsPrintsUsage() {
        assertThat(cli.run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("parse FILE [--json]").contains("import FILE");
    }

    @Test
    void parseWithoutAFileIsAUsageError() {
        assertThat(cli.run("parse", "--json")).isEqualTo(2);
    }

    @Test
    void malformedImportOptionsAreUsageErrorsBeforeAnyDatabase() {
        String[][] malformed = {
                {"import"},
                {"import", "--update"},
                {"import", "--update", "plan.md"},
                {"import", "--update", "backend-plan", "a.md", "b.md"},
                {"import", "--new"},
                {"import", "--new", "--update", "backend-plan", "a.md"},
                {"ingest", "--fast", "a.md"},
        };
        for (String[] args : malformed) {
            err.reset();
            assertThat(cli.run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(String.join(" ", args))
                    .startsWith("groundwork-ingest: ").contains("usage:");
        }
    }

    @Test
    void workTakesOnlyWatchAndSaysSoBeforeAnyDatabase() {
        for (String[] args : new String[][] {{"work", "--fast"}, {"work", "plan.md"}, {"work", "--watch", "x"}}) {
            err.reset();
            assertThat(cli.run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(String.join(" ", args))
                    .startsWith("groundwork-ingest: work takes only --watch").contains("usage:");
        }
    }

    @Test
    void usageNamesTheWorkerRole() {
        assertThat(cli.run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("work [--watch]").contains("SIGTERM");
    }

    private Path seed(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/roadmap/" + name)) {
            Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }
}
