package dev.groundwork.ingest.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HashingEmbeddingModelTest {

    final HashingEmbeddingModel model = new HashingEmbeddingModel();

    @Test
    void givesTheSameUnitVectorForTheSameText() {
        float[] first = model.embed("Raft elects a leader");

        assertThat(first).hasSize(384).containsExactly(model.embed("raft ELECTS a leader!"));
        assertThat(Vectors.norm(first)).isCloseTo(1.0, within(1e-6));
        assertThat(Vectors.norm(model.embed(""))).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void textsSharingWordsAreCloserThanUnrelatedOnes() {
        float[] query = model.embed("how does raft elect a leader");

        assertThat(Vectors.dot(query, model.embed("raft leader election uses timeouts")))
                .isGreaterThan(Vectors.dot(query, model.embed("simmer the tomato sauce")));
    }
}
