package dev.groundwork.api.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.testing.MirrorAppTest;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * End to end in Chromium ({@code web/e2e/chat.e2e.mjs}): on an ingested topic's page, a question gets a streamed,
 * cited answer (offline mode), and a citation chip opens its source passage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingest.background=false")
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class})
class ChatBrowserIT extends MirrorAppTest {

    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    @Test
    void askingOnATopicPageStreamsACitedAnswerWhoseChipOpensTheSource() throws Exception {
        String topicId = redisTopic();
        Path screenshot = dir.resolve("chat.png");

        E2eScript.Result result = E2eScript.run("chat.e2e.mjs", dir, 200,
                "BASE_URL", "http://127.0.0.1:" + port,
                "TOPIC_ID", topicId,
                "QUESTION", "How do I install Redis and connect with redis-cli?",
                "SCREENSHOT", screenshot.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("offline");
        assertThat(screenshot).isNotEmptyFile();
    }
}
