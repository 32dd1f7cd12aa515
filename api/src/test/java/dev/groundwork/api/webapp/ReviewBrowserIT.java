package dev.groundwork.api.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.testing.MirrorAppTest;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * End to end in Chromium ({@code web/e2e/review.e2e.mjs}): a whole study session of a topic by keyboard at 1280 px
 * (flip, grade, undo, a source passage, a cloze, the finished screen) and one of a roadmap by tapping at 390 px.
 * Each session gets a roadmap of its own, so cards other tests generated or graded today never change what is due.
 * {@code -Dreview.screenshots=<dir>} keeps the screenshots there instead of in a temporary directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingest.background=false")
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class})
class ReviewBrowserIT extends MirrorAppTest {

    private static final String KEYBOARD_ROADMAP = """
            # Review drill
            ## Week 1: Redis to review
            - Redis data types and the redis-cli
            - https://redis.io/docs/latest/develop/get-started/
            """;
    private static final String PHONE_ROADMAP = """
            # Review drill on a phone
            ## Week 1: Redis on the go
            - Redis data types and the redis-cli
            - https://redis.io/docs/latest/develop/get-started/
            """;

    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    @Test
    void aWholeSessionRunsByKeyboardAndAnotherByTappingAtPhoneWidth() throws Exception {
        String keyboardRoadmap = ingested(KEYBOARD_ROADMAP, "review-drill.md");
        String topicId = roadmaps.find(keyboardRoadmap).orElseThrow().topics().get(0).id();
        String phoneRoadmap = ingested(PHONE_ROADMAP, "review-drill-phone.md");
        Path shots = Files.createDirectories(Path.of(System.getProperty("review.screenshots", dir.resolve("shots").toString())));

        E2eScript.Result result = E2eScript.run("review.e2e.mjs", dir, 300,
                "BASE_URL", "http://127.0.0.1:" + port,
                "TOPIC_ID", topicId,
                "PHONE_ROADMAP_ID", phoneRoadmap,
                "SCREENSHOT_DIR", shots.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("is back", "cards studied by tapping", "E2E PASSED");
        for (String name : new String[] {"review-1280-front.png", "review-1280-back.png", "review-1280-source.png",
                "review-1280-finished.png", "review-1280-topic.png", "review-390-front.png", "review-390-back.png", "review-390-finished.png"}) {
            assertThat(shots.resolve(name)).isNotEmptyFile();
        }
    }
}
