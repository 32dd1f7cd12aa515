package dev.groundwork.api.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.mirror.MirrorFetching;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * End to end in a real browser: Debian's Chromium, driven by {@code web/e2e/roadmap.e2e.mjs} (playwright-core),
 * against this app on a random port. The script uploads a seed roadmap through the API, checks its topic tree on
 * the roadmap page and watches the ingestion panel until the roadmap's resources, fetched from the offline mirror,
 * are all in a final state. Embeddings come from the deterministic hashing model.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class})
@DirtiesContext   // stops its ingestion workers: they would claim the jobs of later test classes
class RoadmapBrowserIT extends MirrorFetching {

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient http;
    @TempDir
    Path dir;

    @Test
    void deepLinksServeTheWebApp() {
        http.get().uri("/roadmaps/anything").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html).contains("<div id=\"root\">"));
    }

    @Test
    void uploadedRoadmapShowsItsTopicTreeInTheBrowser() throws Exception {
        Path roadmap = seed("001_1a123edda492b329.txt");
        Path screenshot = dir.resolve("roadmap.png");

        E2eScript.Result result = E2eScript.run("roadmap.e2e.mjs", dir, 200,
                "BASE_URL", "http://127.0.0.1:" + port,
                "ROADMAP_FILE", roadmap.toString(),
                "EXPECT_TITLES", "Backend Foundations Deep Dive|Advanced API Design|Database Internals",
                "EXPECT_INGESTION", "1",
                "SCREENSHOT", screenshot.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("ingestion panel reaches \"finished\"");
        assertThat(screenshot).isNotEmptyFile();
    }

    private Path seed(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/roadmap/" + name)) {
            Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }
}
