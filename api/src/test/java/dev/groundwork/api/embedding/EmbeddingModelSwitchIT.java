package dev.groundwork.api.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.retrieval.RetrievalProperties;
import dev.groundwork.api.retrieval.RetrievedChunk;
import dev.groundwork.api.retrieval.Retriever;
import dev.groundwork.api.retrieval.Retrievers;
import dev.groundwork.api.retrieval.Scope;
import dev.groundwork.api.testing.FakeEmbeddings;
import dev.groundwork.api.testing.FakeOpenAiServer;
import dev.groundwork.api.testing.MirrorAppTest;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.pipeline.IngestEvent;
import dev.groundwork.ingest.testdb.TestDatabase;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A switch from the base model to an OpenAI-compatible one of another dimension (the fake server's 64-dimensional
 * embeddings), as a second instance configured with it would do it: the build runs in batches while the base vectors
 * keep serving, survives a restart, and retrieval moves to the new model only once every chunk has its vector. The app
 * context itself stays on the base model; the switching "instance" is a {@link ModelRebuild} over the same database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingest.background=false")
@AutoConfigureWebTestClient(timeout = "PT90S")
@Import({EmbeddingModelSwitchIT.OwnDatabase.class, HashingEmbeddingConfiguration.class})
class EmbeddingModelSwitchIT extends MirrorAppTest {

    /** A database of its own: the switch changes which model is active for every app on it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class OwnDatabase {

        @Bean
        JdbcConnectionDetails embeddingSwitchDatabase() {
            return TestDatabaseConfiguration.connectionTo(TestDatabase.named("embedding-switch"));
        }
    }

    static final FakeOpenAiServer SERVER = FakeOpenAiServer.start();
    static final int BATCH = 4;
    static final String QUESTION = "How do I store and read a string with SET and GET?";
    static final String LATE_ROADMAP = """
            # Consensus drill
            ## Raft
            - Leader election with randomized timeouts
            - Log replication and the commit index
            """;

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    RetrievalProperties retrieval;
    @Autowired
    WebTestClient http;

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @Test
    void switchesModelsWithoutLeavingRetrievalWithoutVectors() throws Exception {
        String topic = redisTopic();
        int chunks = jdbc.sql("SELECT count(*) FROM chunks").query(Integer.class).single();
        assertThat(chunks).isGreaterThan(3 * BATCH);
        FakeEmbeddings stub = SERVER.embeddings();
        RetrievalModels models = switchingModels();
        RetrievalModel target = models.configured();
        Retriever retriever = Retrievers.with(context, retrieval, models);

        // the first instance embeds two batches; its third request hangs in the server
        stub.holdAfter(stub.requests() + 2);
        int before = stub.inputs().size();
        ModelRebuild first = rebuild(models, "instance-1");
        first.afterPropertiesSet();
        awaitHeld(stub);

        // meanwhile the base vectors serve, and no query goes to the new model
        List<RetrievedChunk> during = retriever.retrieve(QUESTION, Scope.topic(topic)).block();
        assertThat(during).isNotEmpty();
        assertThat(models.serving().id()).isEqualTo(models.base().id());
        assertThat(stub.inputs()).doesNotContain(QUESTION);
        Map<String, Object> status = status();
        assertThat(status.get("active")).isEqualTo(models.base().id());
        assertThat(status.get("building")).isEqualTo(Map.of("model", target.id(), "dimensions", 64,
                "done", 2 * BATCH, "total", chunks, "startedAt", ((Map<?, ?>) status.get("building")).get("startedAt")));

        // chunks stored during the build
        ingested(LATE_ROADMAP, "consensus.md");
        int all = jdbc.sql("SELECT count(*) FROM chunks").query(Integer.class).single();
        assertThat(all).isGreaterThan(chunks);

        // a restart: the next instance takes over and embeds only what is missing
        first.destroy();
        ModelRebuild second = rebuild(models, "instance-2");
        stub.release();
        second.afterPropertiesSet();
        awaitActive(target.id());

        assertThat(stub.inputs().size() - before).as("texts embedded by both instances")
                .isLessThanOrEqualTo(all + BATCH);
        assertThat(jdbc.sql("SELECT count(*) FROM chunk_vectors_64 WHERE model_id = ?").param(target.id())
                .query(Integer.class).single()).as("every chunk, the late ones too").isEqualTo(all);
        Map<String, Object> done = status();
        assertThat(done.get("active")).isEqualTo(target.id());
        assertThat(done.get("building")).isNull();
        assertThat(((List<?>) done.get("models"))).anySatisfy(model -> assertThat(model)
                .isEqualTo(Map.of("id", target.id(), "dimensions", 64, "state", "active", "done", all,
                        "total", all, "startedAt", ((Map<?, ?>) model).get("startedAt"),
                        "finishedAt", ((Map<?, ?>) model).get("finishedAt"))));

        // now queries are embedded by the new model and searched in its vectors
        assertThat(models.serving().id()).isEqualTo(target.id());
        List<RetrievedChunk> after = retriever.retrieve(QUESTION, Scope.topic(topic)).block();
        assertThat(after).isNotEmpty();
        assertThat(stub.inputs()).contains(QUESTION);
        assertThat(after.get(0).text()).containsIgnoringCase("SET");

        // a new model that cannot embed the question leaves retrieval on the base model's vectors, not failing
        stub.failing(true);
        try {
            int asked = stub.requests();
            List<RetrievedChunk> fallback = retriever.retrieve(QUESTION + " Which command?", Scope.topic(topic)).block();
            assertThat(stub.requests()).as("the new model was asked first").isGreaterThan(asked);
            assertThat(fallback).isNotEmpty();
        } finally {
            stub.failing(false);
        }

        // chunks ingested after the switch get their vector when their job ends
        ingested(LATE_ROADMAP.replace("Consensus", "Gossip").replace("Raft", "Epidemic protocols"), "gossip.md");
        int later = jdbc.sql("SELECT count(*) FROM chunks").query(Integer.class).single();
        assertThat(later).isGreaterThan(all);
        second.on(new IngestEvent.JobFinished(null, null, "done", null, later - all, later - all));
        for (int i = 0; i < 600 && vectors(target) < later; i++) {
            Thread.sleep(100);
        }
        second.destroy();
        assertThat(vectors(target)).isEqualTo(later);
    }

    private int vectors(RetrievalModel model) {
        return jdbc.sql("SELECT count(*) FROM chunk_vectors_64 WHERE model_id = ?").param(model.id())
                .query(Integer.class).single();
    }

    private RetrievalModels switchingModels() {
        RetrievalModels app = context.getBean(RetrievalModels.class);
        RetrievalModel stub = EmbeddingModelConfiguration.openAi(new EmbeddingModelProperties.OpenAi(
                SERVER.baseUrl(), "test-key", "fake-embedding", 64, Duration.ofSeconds(30), 0));
        return new RetrievalModels(app.base(), stub, () -> active(), Duration.ofHours(1));
    }

    private ModelRebuild rebuild(RetrievalModels models, String owner) {
        return new ModelRebuild(models, jdbc, transaction,
                new EmbeddingModelProperties.Rebuild(BATCH, Duration.ofHours(1), Duration.ofMinutes(2)), owner);
    }

    private Map<String, Object> status() {
        return http.get().uri("/api/admin/embedding-model").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
    }

    private static void awaitHeld(FakeEmbeddings stub) throws InterruptedException {
        for (int i = 0; i < 600 && stub.held() == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(stub.held()).as("requests held by the server").isEqualTo(1);
    }

    private void awaitActive(String id) throws InterruptedException {
        for (int i = 0; i < 1200 && !id.equals(active()); i++) {
            Thread.sleep(100);
        }
        assertThat(active()).isEqualTo(id);
    }

    private String active() {
        return jdbc.sql("SELECT id FROM embedding_model WHERE state = 'active'").query(String.class).single();
    }
}
