package dev.groundwork.api.answer;

import static dev.groundwork.api.answer.AnswerStreams.ask;
import static dev.groundwork.api.answer.AnswerStreams.assertWellFormed;
import static dev.groundwork.api.answer.AnswerStreams.last;
import static dev.groundwork.api.answer.AnswerStreams.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.testing.MirrorAppTest;
import dev.groundwork.ingest.pipeline.IngestListener;
import dev.groundwork.ingest.testdb.TestDatabase;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The offline answer to a learner's question on the first seed's Month 1, with the real embedding model (in a database
 * of its own): it quotes the sentence that answers — a lead-in with the list it introduces — and not link texts,
 * concept labels or lead-ins that lean on their neighbours.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingest.background=false")
@AutoConfigureWebTestClient(timeout = "PT120S")
@Import(CapAnswerIT.OwnDatabase.class)
class CapAnswerIT extends MirrorAppTest {

    /** Month 1 of seed 000, as that roadmap has it. */
    static final String MONTH_1 = """
            # Senior engineer plan: foundations
            ## Month 1: Core Engineering & System Foundations
            **Topics Covered:**
            - Distributed systems basics
            - CAP Theorem, consistency models
            - Caching, database indexes, scaling
            - Docker, GitHub Actions, CI/CD

            **Resources:**
            - [System Design Primer (GitHub)](https://github.com/donnemartin/system-design-primer)
            - [DDIA by Kleppmann](https://dataintensive.net/)
            - [Google SRE Book](https://sre.google/books/)
            """;

    /**
     * A database of its own: the other test contexts of this JVM store hashing-model vectors, and a document they
     * ingested already would not be embedded again with the real model.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class OwnDatabase {

        @Bean
        JdbcConnectionDetails realModelDatabase() {
            return TestDatabaseConfiguration.connectionTo(TestDatabase.named("real-model"));
        }
    }

    @Autowired
    WebTestClient http;

    @Test
    void quotesTheDefiningSentenceWithItsListNotLinksLabelsOrLeadIns() {
        String roadmapId = importer.importDocument(MONTH_1.getBytes(StandardCharsets.UTF_8), "month-1.md")
                .roadmap().id();
        run.run(roadmapId, IngestListener.NONE);
        String month1 = roadmaps.find(roadmapId).orElseThrow().topics().get(0).id();

        var events = ask(http, Map.of("question", "What is the CAP theorem and what trade-off does it describe?",
                "topicId", month1));

        assertWellFormed(events);
        String answer = text(events);
        assertThat(answer).contains("In a distributed computer system, you can only support two of the following"
                        + " guarantees:")
                .contains("Consistency - Every read receives the most recent write or an error")
                .contains("Partition Tolerance - The system continues to operate despite arbitrary partitioning");
        assertThat(answer).doesNotContain("A plain english introduction to CAP theorem")
                .doesNotContain("CAP Theorem, consistency models")
                .doesNotContain("Next, we'll look at high-level trade-offs");
        assertThat((List<?>) last(events).get("unsupported")).isEmpty();
    }
}
