package dev.groundwork.ingest.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/** Runs the real ONNX model (about a second to load, then ~60 ms per passage on 2 cores). */
class LocalEmbeddingModelTest {

    static final String RAFT = "Raft elects a leader using randomized election timeouts. A follower that hears no "
            + "heartbeat becomes a candidate, increments its term and requests votes from the other servers; a "
            + "candidate that receives votes from a majority becomes the leader for that term.";
    static final String COOKING = "Brown the onions slowly in butter, add the garlic and tomatoes, and let the sauce "
            + "simmer for twenty minutes before seasoning it with salt, pepper and fresh basil.";

    static LocalEmbeddingModel model;

    @BeforeAll
    static void load() {
        model = new LocalEmbeddingModel(Runtime.getRuntime().availableProcessors(), 8);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void embedsInto384DimensionalUnitVectors() {
        EmbeddingResponse response = model.call(new EmbeddingRequest(List.of(RAFT, COOKING, "x"),
                EmbeddingOptions.builder().build()));

        assertThat(response.getResults()).hasSize(3);
        for (var embedding : response.getResults()) {
            assertThat(embedding.getOutput()).hasSize(LocalEmbeddingModel.DIMENSIONS);
            assertThat(Vectors.norm(embedding.getOutput())).isCloseTo(1.0, within(1e-4));
        }
        assertThat(response.getResults()).extracting(e -> e.getIndex()).containsExactly(0, 1, 2);
        assertThat(response.getMetadata().getModel()).isEqualTo(LocalEmbeddingModel.MODEL_ID);
        assertThat(model.dimensions()).isEqualTo(384);
    }

    @Test
    void findsTheRelevantPassageCloserThanAnUnrelatedOne() {
        float[] query = model.embedQuery("How does Raft elect a leader?");

        double relevant = Vectors.dot(query, model.embed(RAFT));
        double unrelated = Vectors.dot(query, model.embed(COOKING));

        assertThat(relevant).isGreaterThan(unrelated + 0.1);
    }

    @Test
    void queryPrefixChangesTheQueryVectorButNotPassages() {
        String query = "How does Raft elect a leader?";

        float[] asQuery = model.embedQuery(query);
        float[] asPassage = model.embed(query);

        assertThat(Vectors.dot(asQuery, asPassage)).isLessThan(0.999);
        assertThat(model.embed(LocalEmbeddingModel.QUERY_PREFIX + query))
                .containsExactly(asQuery, within(1e-5f));
    }

    @Test
    void concurrentCallersGetTheSameVectorsAsSequentialOnes() throws Exception {
        List<String> texts = passages(12, 40, 7);
        List<float[]> sequential = model.embed(texts);

        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<float[]>>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(callers.submit(() -> model.embed(texts)));
            }
            for (Future<List<float[]>> future : futures) {
                List<float[]> concurrent = future.get();
                assertThat(concurrent).hasSameSizeAs(sequential);
                for (int i = 0; i < texts.size(); i++) {
                    assertThat(concurrent.get(i)).containsExactly(sequential.get(i), within(1e-5f));
                }
            }
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void requestLargerThanABatchKeepsItsOrder() {
        List<String> texts = passages(20, 10, 3);   // batch size 8 → three sub-batches

        List<float[]> all = model.embed(texts);

        assertThat(all).hasSize(20);
        assertThat(all.get(13)).containsExactly(model.embed(texts.get(13)), within(1e-5f));
    }

    @Test
    void refusesWorkAfterClose() {
        LocalEmbeddingModel closed = new LocalEmbeddingModel(1, 4);
        closed.close();

        assertThatThrownBy(() -> closed.embed("hello")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void measuresThroughput() {
        List<String> texts = passages(64, 215, 11);   // ~215 words ≈ 250 BGE tokens
        try (BgeTokenizer tokenizer = new BgeTokenizer()) {
            double tokens = texts.stream().mapToInt(tokenizer::count).average().orElse(0);
            model.embed(texts.subList(0, 2));   // warm-up

            long started = System.nanoTime();
            List<float[]> vectors = model.embed(texts);
            double seconds = (System.nanoTime() - started) / 1e9;

            assertThat(vectors).hasSize(64);
            System.out.printf("LocalEmbeddingModel: 64 passages of %.0f BGE tokens in %.2f s = %.1f passages/s "
                    + "(%d processors)%n", tokens, seconds, 64 / seconds, Runtime.getRuntime().availableProcessors());
        }
    }

    /** Deterministic English-like passages. */
    static List<String> passages(int count, int words, long seed) {
        String[] vocabulary = ("the a leader follower term vote log entry commit index replica quorum network "
                + "partition timeout heartbeat snapshot state machine cluster node server client request response "
                + "consensus election majority candidate append durable storage latency throughput failure recovery "
                + "is was has and of to in for with on by at from which that when while because").split(" ");
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < words; w++) {
                text.append(vocabulary[random.nextInt(vocabulary.length)]).append(w % 15 == 14 ? ". " : " ");
            }
            texts.add(text.toString().trim());
        }
        return texts;
    }
}
