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
 * End to end in Chromium ({@code web/e2e/interview.e2e.mjs}): on a topic page, a mock interview of 2 questions graded
 * offline at 1280 px (one answer sent with Ctrl+Enter, one with the button; the rubric, scores, cited reference and
 * follow-up stream in; a reload resumes it), its report and the cards made from its misses, then a short interview by
 * tapping at 390 px. The topic gets a roadmap of its own, so cards and sessions of other tests change nothing.
 * {@code -Dinterview.screenshots=<dir>} keeps the screenshots there instead of in a temporary directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingest.background=false")
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class})
class InterviewBrowserIT extends MirrorAppTest {

    private static final String ROADMAP = """
            # Interview drill
            ## Week 1: Redis under questioning
            - Redis data types and the redis-cli
            - Interview Focus: How does Redis persist data to disk, and what do you trade off?
            - https://redis.io/docs/latest/develop/get-started/
            """;

    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    @Test
    void anOfflineInterviewIsAnsweredReportedAndTurnedIntoCardsAtBothWidths() throws Exception {
        String roadmapId = ingested(ROADMAP, "interview-drill.md");
        String topicId = roadmaps.find(roadmapId).orElseThrow().topics().get(0).id();
        Path shots = Files.createDirectories(Path.of(System.getProperty("interview.screenshots", dir.resolve("shots").toString())));

        E2eScript.Result result = E2eScript.run("interview.e2e.mjs", dir, 360,
                "BASE_URL", "http://127.0.0.1:" + port,
                "TOPIC_ID", topicId,
                "GRADING_MODE", "offline",
                "SCREENSHOT_DIR", shots.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("stored: offline mode", "already in your deck", "ended:", "E2E PASSED");
        for (String name : new String[] {"interview-1280-topic.png", "interview-1280-question.png", "interview-1280-graded.png",
                "interview-1280-report.png", "interview-390-question.png", "interview-390-graded.png", "interview-390-report.png"}) {
            assertThat(shots.resolve(name)).isNotEmptyFile();
        }
    }
}
