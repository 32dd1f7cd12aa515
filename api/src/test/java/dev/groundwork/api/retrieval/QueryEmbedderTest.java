package dev.groundwork.api.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The micro-batcher and its cache, over a recording fake model on virtual time: a window passes only when the test
 * advances the clock, and scheduled batches run on the test's thread.
 */
class QueryEmbedderTest {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final RecordingModel model = new RecordingModel();

    private QueryEmbedder embedder(int window, int maxBatch, int cacheEntries) {
        return new QueryEmbedder(model, new QueryEmbeddingProperties(Duration.ofMillis(window), maxBatch, cacheEntries),
                time);
    }

    @Test
    void embedsConcurrentQuestionsInOneModelCall() throws Exception {
        QueryEmbedder embedder = embedder(5, 8, 0);
        CompletableFuture<float[]> a = embedder.embed("what is redis").toFuture();
        CompletableFuture<float[]> b = embedder.embed("what is an lru cache").toFuture();
        CompletableFuture<float[]> c = embedder.embed("how do i expire keys").toFuture();
        time.advanceTimeBy(Duration.ofMillis(5));

        assertThat(model.calls).containsExactly(List.of("what is redis", "what is an lru cache", "how do i expire keys"));
        assertThat(a.get()).containsExactly(RecordingModel.vector("what is redis"));
        assertThat(b.get()).containsExactly(RecordingModel.vector("what is an lru cache"));
        assertThat(c.get()).containsExactly(RecordingModel.vector("how do i expire keys"));
    }

    @Test
    void waitsForTheWindowBeforeEmbedding() {
        QueryEmbedder embedder = embedder(10, 8, 0);
        CompletableFuture<float[]> a = embedder.embed("what is redis").toFuture();
        time.advanceTimeBy(Duration.ofMillis(9));
        assertThat(model.calls).isEmpty();
        assertThat(a).isNotDone();

        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(model.calls).hasSize(1);
        assertThat(a).isCompleted();
    }

    @Test
    void sendsAFullBatchWithoutWaitingAndNeverMoreThanTheBound() {
        QueryEmbedder embedder = embedder(60_000, 2, 0);
        List<CompletableFuture<float[]>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(embedder.embed("question " + i).toFuture());
        }
        assertThat(model.calls).containsExactly(List.of("question 0", "question 1"), List.of("question 2", "question 3"));

        time.advanceTimeBy(Duration.ofMinutes(1));
        assertThat(model.calls).hasSize(3).allSatisfy(call -> assertThat(call).hasSizeLessThanOrEqualTo(2));
        assertThat(answers).allSatisfy(answer -> assertThat(answer).isCompleted());
    }

    @Test
    void embedsAQuestionAskedTwiceInOneBatchOnce() throws Exception {
        QueryEmbedder embedder = embedder(5, 8, 0);
        CompletableFuture<float[]> a = embedder.embed("what is redis").toFuture();
        CompletableFuture<float[]> b = embedder.embed("what is redis").toFuture();
        time.advanceTimeBy(Duration.ofMillis(5));

        assertThat(model.calls).containsExactly(List.of("what is redis"));
        assertThat(a.get()).containsExactly(b.get()).isNotSameAs(b.get());
    }

    @Test
    void failsEveryCallerOfAFailedBatch() {
        model.failure = new IllegalStateException("model down");
        QueryEmbedder embedder = embedder(5, 8, 0);
        CompletableFuture<float[]> a = embedder.embed("what is redis").toFuture();
        CompletableFuture<float[]> b = embedder.embed("what is an lru cache").toFuture();
        time.advanceTimeBy(Duration.ofMillis(5));

        for (CompletableFuture<float[]> answer : List.of(a, b)) {
            assertThat(answer).isCompletedExceptionally();
            assertThat(answer).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                    .withMessageContaining("model down");
        }
    }

    @Test
    void aCallerThatCancelsLeavesTheBatchWithoutFailingTheOthers() throws Exception {
        QueryEmbedder embedder = embedder(5, 8, 0);
        CompletableFuture<float[]> a = embedder.embed("what is redis").toFuture();
        List<float[]> gone = new CopyOnWriteArrayList<>();
        Disposable cancelled = embedder.embed("never mind").subscribe(gone::add);
        CompletableFuture<float[]> c = embedder.embed("how do i expire keys").toFuture();
        cancelled.dispose();
        time.advanceTimeBy(Duration.ofMillis(5));

        assertThat(model.calls).containsExactly(List.of("what is redis", "how do i expire keys"));
        assertThat(a.get()).containsExactly(RecordingModel.vector("what is redis"));
        assertThat(c.get()).containsExactly(RecordingModel.vector("how do i expire keys"));
        assertThat(gone).isEmpty();
    }

    @Test
    void answersARepeatedQuestionFromTheCacheWithoutTheModel() throws Exception {
        QueryEmbedder embedder = embedder(5, 8, 100);
        CompletableFuture<float[]> first = embedder.embed("what is redis").toFuture();
        time.advanceTimeBy(Duration.ofMillis(5));
        first.get();

        CompletableFuture<float[]> again = embedder.embed("what is redis").toFuture();
        assertThat(again).isCompleted();
        assertThat(again.get()).containsExactly(RecordingModel.vector("what is redis"));
        assertThat(model.calls).hasSize(1);
        assertThat(embedder.stats().hits()).isEqualTo(1);
    }

    @Test
    void dropsTheLeastRecentlyUsedQuestionWhenTheCacheIsFull() {
        QueryEmbedder embedder = embedder(0, 8, 2);
        embedder.embed("a").toFuture();
        embedder.embed("b").toFuture();
        embedder.embed("a").toFuture();   // a is now more recent than b
        embedder.embed("c").toFuture();   // evicts b
        assertThat(model.calls).containsExactly(List.of("a"), List.of("b"), List.of("c"));

        embedder.embed("a").toFuture();
        embedder.embed("b").toFuture();
        assertThat(model.calls).containsExactly(List.of("a"), List.of("b"), List.of("c"), List.of("b"));
    }

    @Test
    void embedNowNeverWaitsForABatchAndFillsTheCache() {
        QueryEmbedder embedder = embedder(60_000, 8, 100);
        float[] now = embedder.embedNow("what is redis");
        assertThat(now).containsExactly(RecordingModel.vector("what is redis"));
        assertThat(model.calls).containsExactly(List.of("what is redis"));

        assertThat(embedder.embed("what is redis").toFuture()).isCompleted();
        assertThat(model.calls).hasSize(1);
    }

    @Test
    void aCallerThatChangesItsVectorChangesNoOneElses() throws Exception {
        QueryEmbedder embedder = embedder(0, 8, 100);
        float[] first = embedder.embed("what is redis").toFuture().get();
        first[0] = 42;
        assertThat(embedder.embed("what is redis").toFuture().get()).containsExactly(RecordingModel.vector("what is redis"));
    }

    /** Records each call's texts; a text's vector is its length and its hash. */
    static final class RecordingModel implements EmbeddingModel {

        final List<List<String>> calls = new CopyOnWriteArrayList<>();
        volatile RuntimeException failure;

        static float[] vector(String text) {
            return new float[] {text.length(), text.hashCode()};
        }

        @Override
        public EmbeddingResponse call(EmbeddingRequest request) {
            calls.add(List.copyOf(request.getInstructions()));
            if (failure != null) {
                throw failure;
            }
            List<Embedding> embeddings = new ArrayList<>();
            for (String text : request.getInstructions()) {
                embeddings.add(new Embedding(vector(text), embeddings.size()));
            }
            return new EmbeddingResponse(embeddings);
        }

        @Override
        public float[] embed(String text) {
            return call(new EmbeddingRequest(List.of(text), null)).getResult().getOutput();
        }

        @Override
        public float[] embed(Document document) {
            return embed(getEmbeddingContent(document));
        }

        @Override
        public int dimensions() {
            return 2;
        }
    }
}
