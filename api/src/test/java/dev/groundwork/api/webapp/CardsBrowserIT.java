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
 * End to end in Chromium ({@code web/e2e/cards.e2e.mjs}): on the page of a topic whose Redis docs are ingested,
 * Generate streams offline cards into the flashcards panel, an edited back survives a reload, and a card's source
 * chip opens its passage with the quote highlighted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingest.background=false")
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class})
class CardsBrowserIT extends MirrorAppTest {

    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    @Test
    void generatedCardsStreamInKeepAnEditAndOpenTheirQuotedSource() throws Exception {
        String topicId = redisTopic();
        Path screenshot = dir.resolve("cards.png");

        E2eScript.Result result = E2eScript.run("cards.e2e.mjs", dir, 200,
                "BASE_URL", "http://127.0.0.1:" + port,
                "TOPIC_ID", topicId,
                "CARD_COUNT", "5",
                "SCREENSHOT", screenshot.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("mode extractive", "edit persisted after reload");
        assertThat(screenshot).isNotEmptyFile();
    }
}
