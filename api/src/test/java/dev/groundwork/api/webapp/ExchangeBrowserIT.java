package dev.groundwork.api.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.testing.MirrorAppTest;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * End to end in Chromium ({@code web/e2e/exchange.e2e.mjs}): a topic's cards downloaded through the "Anki & CSV"
 * panel's links, the package imported through its file input into a topic of another roadmap (every card imported
 * and listed at once, then skipped on a second import, a broken file refused with the server's detail), the review
 * settings saved from the review panel, and both panels at 390 px. The roadmaps' titles carry a run id, so a database
 * kept from an earlier run never holds their cards. {@code -Dexchange.screenshots=<dir>} keeps the screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingest.background=false")
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class})
class ExchangeBrowserIT extends MirrorAppTest {

    private static final String SOURCE_ROADMAP = """
            # Exchange drill %s
            ## Week 1: Redis to take to Anki
            - Redis data types and the redis-cli
            - https://redis.io/docs/latest/develop/get-started/
            """;
    private static final String TARGET_ROADMAP = """
            # Exchange target %s
            ## Week 1: Cards from Anki
            - Whatever the package brings
            """;

    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    @Test
    void cardsDownloadedAsAPackageComeBackThroughTheImportWithAReport() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String source = ingested(SOURCE_ROADMAP.formatted(run), "exchange-drill.md");
        String target = importRoadmap(TARGET_ROADMAP.formatted(run), "exchange-target.md");
        Path shots = Files.createDirectories(Path.of(System.getProperty("exchange.screenshots", dir.resolve("shots").toString())));

        E2eScript.Result result = E2eScript.run("exchange.e2e.mjs", dir, 300,
                "BASE_URL", "http://127.0.0.1:" + port,
                "TOPIC_ID", firstTopic(source),
                "TARGET_TOPIC_ID", firstTopic(target),
                "DOWNLOAD_DIR", Files.createDirectories(dir.resolve("downloads")).toString(),
                "SCREENSHOT_DIR", shots.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("cards imported", "skipped", "Nothing was imported", "E2E PASSED");
        for (String name : new String[] {"exchange-1280-topic.png", "exchange-1280-roadmap.png", "exchange-1280-imported.png", "exchange-1280-skipped.png",
                "settings-1280.png", "exchange-390.png", "settings-390.png"}) {
            assertThat(shots.resolve(name)).isNotEmptyFile();
        }
    }

    private String importRoadmap(String markdown, String fileName) {
        return importer.importDocument(markdown.getBytes(StandardCharsets.UTF_8), fileName).roadmap().id();
    }

    private String firstTopic(String roadmapId) {
        return roadmaps.find(roadmapId).orElseThrow().topics().get(0).id();
    }
}
