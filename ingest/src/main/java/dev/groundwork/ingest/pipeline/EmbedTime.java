package dev.groundwork.ingest.pipeline;

import java.util.List;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * Inference time per thread, so a run can tell the embed stage from the store stage although the vector store does
 * both in one call. {@link #measure} wraps the model the vector store uses. Thread-safe: each thread has its own
 * counter.
 */
final class EmbedTime {

    private final ThreadLocal<long[]> nanos = ThreadLocal.withInitial(() -> new long[1]);

    /** Nanoseconds this thread has spent in the measured model so far. */
    long onThisThread() {
        return nanos.get()[0];
    }

    /** {@code model}, counting the time every call takes on the calling thread. */
    EmbeddingModel measure(EmbeddingModel model) {
        return new Measured(model);
    }

    private final class Measured implements EmbeddingModel {

        private final EmbeddingModel delegate;

        Measured(EmbeddingModel delegate) {
            this.delegate = delegate;
        }

        @Override
        public EmbeddingResponse call(EmbeddingRequest request) {
            long start = System.nanoTime();
            try {
                return delegate.call(request);
            } finally {
                nanos.get()[0] += System.nanoTime() - start;
            }
        }

        @Override
        public float[] embed(Document document) {
            long start = System.nanoTime();
            try {
                return delegate.embed(document);
            } finally {
                nanos.get()[0] += System.nanoTime() - start;
            }
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            return call(new EmbeddingRequest(texts, null)).getResults().stream()
                    .map(embedding -> embedding.getOutput()).toList();
        }

        @Override
        public int dimensions() {
            return delegate.dimensions();
        }
    }
}
