package dev.groundwork.api.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.api.testing.BenchApp;
import dev.groundwork.api.testing.FakeOpenAiServer;
import dev.groundwork.api.testing.MirrorAppTest;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.testdb.TestDatabase;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The real startup path: a second app on the same database, configured with the fake server's 64-dimensional model,
 * builds its vectors in the background, switches retrieval to it, and then answers questions embedded by it; a
 * misconfigured model stops startup with a message that says what is wrong.
 */
@SpringBootTest(properties = "groundwork.ingest.background=false")
@Import({ConfiguredEmbeddingModelIT.OwnDatabase.class, HashingEmbeddingConfiguration.class})
class ConfiguredEmbeddingModelIT extends MirrorAppTest {

    static final String DATABASE = "embedding-startup";

    /** A database of its own: the second app makes its model the active one. */
    @TestConfiguration(proxyBeanMethods = false)
    static class OwnDatabase {

        @Bean
        JdbcConnectionDetails embeddingStartupDatabase() {
            return TestDatabaseConfiguration.connectionTo(TestDatabase.named(DATABASE));
        }
    }

    static final FakeOpenAiServer SERVER = FakeOpenAiServer.start();
    static final String MODEL_ID = "openai:fake-embedding:64";
    static final String QUESTION = "Which eviction policies does Redis offer?";

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @Test
    void anAppConfiguredWithAnotherModelBuildsItsVectorsThenSearchesWithIt() throws InterruptedException {
        String topic = redisTopic();
        int chunks = jdbc.sql("SELECT count(*) FROM chunks").query(Integer.class).single();

        try (ConfigurableApplicationContext app = BenchApp.start(TestDatabase.named(DATABASE),
                openAi(64), HashingEmbeddingConfiguration.class)) {
            for (int i = 0; i < 1200 && !MODEL_ID.equals(active()); i++) {
                Thread.sleep(100);
            }
            assertThat(active()).isEqualTo(MODEL_ID);
            WebTestClient http = WebTestClient.bindToServer()
                    .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                    .responseTimeout(Duration.ofSeconds(90)).build();
            Map<String, Object> status = http.get().uri("/api/admin/embedding-model").exchange()
                    .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                    }).returnResult().getResponseBody();
            assertThat(status).containsEntry("active", MODEL_ID).containsEntry("serving", MODEL_ID)
                    .containsEntry("configured", MODEL_ID).containsEntry("building", null);

            List<String> answer = http.post().uri("/api/answers").contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.TEXT_EVENT_STREAM).bodyValue(Map.of("question", QUESTION, "topicId", topic))
                    .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody()
                    .collectList().block(Duration.ofSeconds(90));
            assertThat(String.join("\n", answer)).contains("redis.io");
            assertThat(SERVER.embeddings().inputs()).as("the question, embedded by the new model").contains(QUESTION);
            assertThat(jdbc.sql("SELECT count(*) FROM chunk_vectors_64").query(Integer.class).single())
                    .isEqualTo(chunks);
        }
    }

    @Test
    void aDimensionTheServerDoesNotReturnStopsStartup() {
        assertThatThrownBy(() -> BenchApp.start(TestDatabase.named(DATABASE), openAi(1536),
                HashingEmbeddingConfiguration.class).close())
                .rootCause().hasMessageContaining("groundwork.embedding.openai.dimensions is 1536")
                .hasMessageContaining("returns 64-dimensional vectors");
    }

    @Test
    void anUnknownProviderStopsStartup() {
        assertThatThrownBy(() -> BenchApp.start(TestDatabase.named(DATABASE),
                Map.of("groundwork.embedding.provider", "ollama"), HashingEmbeddingConfiguration.class).close())
                .hasStackTraceContaining("groundwork.embedding.provider");
    }

    private static Map<String, Object> openAi(int dimensions) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("groundwork.embedding.provider", "openai");
        properties.put("groundwork.embedding.openai.base-url", SERVER.baseUrl());
        properties.put("groundwork.embedding.openai.api-key", "test-key");
        properties.put("groundwork.embedding.openai.model", "fake-embedding");
        properties.put("groundwork.embedding.openai.dimensions", String.valueOf(dimensions));
        properties.put("groundwork.embedding.openai.max-retries", "0");
        properties.put("groundwork.embedding.rebuild.batch-size", "16");
        properties.put("groundwork.embedding.rebuild.interval", "200ms");
        return properties;
    }

    private String active() {
        return jdbc.sql("SELECT id FROM embedding_model WHERE state = 'active'").query(String.class).single();
    }
}
