package dev.groundwork.api.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.api.testing.FakeOpenAiServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A misconfigured embedding model stops startup with a message that says what is wrong. */
class EmbeddingModelConfigIT {

    static final FakeOpenAiServer SERVER = FakeOpenAiServer.start();

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @Test
    void modelOfTheConfiguredDimensionsIsAccepted() {
        RetrievalModel model = EmbeddingModelConfiguration.openAi(settings(SERVER.baseUrl(), 64));

        assertThat(model.id()).isEqualTo("openai:fake-embedding:64");
        assertThat(model.table()).isEqualTo("chunk_vectors_64");
        assertThat(SERVER.embeddings().inputs()).contains("dimension probe");
    }

    @Test
    void aServerWithoutAuthenticationNeedsNoKey() {
        EmbeddingModelProperties.OpenAi noKey = new EmbeddingModelProperties.OpenAi(SERVER.baseUrl(), "",
                "fake-embedding", 64, Duration.ofSeconds(10), 0);

        assertThat(EmbeddingModelConfiguration.openAi(noKey).model().embed("a question")).hasSize(64);
    }

    @Test
    void refusesDimensionsTheServerDoesNotReturn() {
        assertThatThrownBy(() -> EmbeddingModelConfiguration.openAi(settings(SERVER.baseUrl(), 1536)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("groundwork.embedding.openai.dimensions is 1536")
                .hasMessageContaining("returns 64-dimensional vectors");
    }

    @Test
    void refusesAServerThatDoesNotAnswer() {
        String closed;
        try (FakeOpenAiServer gone = FakeOpenAiServer.start()) {
            closed = gone.baseUrl();
        }
        assertThatThrownBy(() -> EmbeddingModelConfiguration.openAi(settings(closed, 64)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not answer a probe request");
    }

    @Test
    void refusesAnUnknownProvider() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("groundwork.embedding.provider", "ollama")));

        assertThatThrownBy(() -> binder.bind("groundwork.embedding", EmbeddingModelProperties.class))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("groundwork.embedding.provider");
    }

    @Test
    void defaultsToTheLocalModel() {
        EmbeddingModelProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("groundwork.embedding", EmbeddingModelProperties.class);

        assertThat(properties.provider()).isEqualTo(EmbeddingModelProperties.Provider.LOCAL);
        assertThat(properties.rebuild().batchSize()).isEqualTo(64);
    }

    private static EmbeddingModelProperties.OpenAi settings(String baseUrl, int dimensions) {
        return new EmbeddingModelProperties.OpenAi(baseUrl, "test-key", "fake-embedding", dimensions,
                Duration.ofSeconds(10), 0);
    }
}
