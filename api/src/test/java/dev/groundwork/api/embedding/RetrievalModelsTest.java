package dev.groundwork.api.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.embed.HashingEmbeddingModel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RetrievalModelsTest {

    static final HashingEmbeddingModel MODEL = new HashingEmbeddingModel();
    static final RetrievalModel BASE = new RetrievalModel("base", 384, true, MODEL);
    static final RetrievalModel REMOTE = new RetrievalModel("openai:m:64", 64, false, MODEL);

    final AtomicReference<String> registry = new AtomicReference<>("base");
    final AtomicInteger reads = new AtomicInteger();

    RetrievalModels models(RetrievalModel configured, Duration refresh) {
        return new RetrievalModels(BASE, configured, () -> {
            reads.incrementAndGet();
            return registry.get();
        }, refresh);
    }

    @Test
    void theBaseModelServesWithoutReadingTheRegistryWhenItIsConfigured() {
        registry.set("openai:m:64");

        assertThat(models(BASE, Duration.ZERO).serving()).isEqualTo(BASE);
        assertThat(reads).hasValue(0);
    }

    @Test
    void aConfiguredModelServesOnlyOnceTheRegistrySaysItIsActive() {
        RetrievalModels models = models(REMOTE, Duration.ZERO);

        assertThat(models.serving()).as("while it builds").isEqualTo(BASE);
        registry.set("openai:m:64");
        assertThat(models.serving()).isEqualTo(REMOTE);
    }

    @Test
    void anActiveModelThisInstanceCannotEmbedWithLeavesTheBaseModelServing() {
        registry.set("openai:other:1536");

        assertThat(models(REMOTE, Duration.ZERO).serving()).isEqualTo(BASE);
    }

    @Test
    void readsTheRegistryAtMostOncePerRefreshUnlessActivatedHere() {
        RetrievalModels models = models(REMOTE, Duration.ofHours(1));
        models.serving();
        registry.set("openai:m:64");

        assertThat(models.serving()).as("cached").isEqualTo(BASE);
        models.activated("openai:m:64");
        assertThat(models.serving()).isEqualTo(REMOTE);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aModelOtherThanTheBaseKeepsItsVectorsInATablePerDimension() {
        assertThat(REMOTE.table()).isEqualTo("chunk_vectors_64");
    }
}
