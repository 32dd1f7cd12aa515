package dev.groundwork.ingest.embed;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.EmbeddingResponseMetadata;

/**
 * Spring AI {@link EmbeddingModel} over the quantized bge-small-en-v1.5 ONNX model bundled in LangChain4j's jar:
 * no network, no key, 384-dimensional L2-normalised vectors.
 *
 * <p><b>Passages and queries.</b> {@link #call}, {@link #embed(String)}, {@link #embed(List)} and
 * {@link #embed(Document)} embed text exactly as given: use them for passages (chunks). BGE expects retrieval
 * queries to carry an instruction prefix; {@link #embedQuery(String)} adds {@link #QUERY_PREFIX}.
 *
 * <p><b>Window.</b> The model sees at most 512 tokens including {@code [CLS]}/{@code [SEP]}; LangChain4j embeds a
 * longer text in 510-token parts and averages them, which blurs it. Keep passages under that (the chunker does).
 *
 * <p><b>Threading.</b> Thread-safe. Inference runs on a fixed pool of {@code threads} daemon threads named
 * {@code embed-N}, owned by this object; callers block until their texts are done. A request is embedded in
 * sub-batches of {@code batchSize}, so one large request holds only that many texts in flight and concurrent callers
 * interleave. Inference is CPU-bound (15–28 passages of 250–300 tokens per second on 2 cores), so never call this on
 * an event loop. {@link #close()} stops the pool (Spring calls it on shutdown); calls after that fail with
 * {@link IllegalStateException}. The ONNX session itself is a process-wide singleton of LangChain4j, loaded on
 * first use of the class (about a second).
 */
public class LocalEmbeddingModel implements EmbeddingModel, AutoCloseable {

    /** Identifies vectors of this model, e.g. in stored embeddings; change it when the model changes. */
    public static final String MODEL_ID = "bge-small-en-v1.5-q";
    public static final int DIMENSIONS = 384;
    /** BGE's instruction for retrieval queries (not passages). */
    public static final String QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";

    private static final Logger log = LoggerFactory.getLogger(LocalEmbeddingModel.class);

    private final ExecutorService executor;
    private final BgeSmallEnV15QuantizedEmbeddingModel delegate;
    private final int batchSize;

    /** A model with the default properties (a thread per processor, sub-batches of 32). */
    public LocalEmbeddingModel() {
        this(EmbeddingProperties.defaults());
    }

    public LocalEmbeddingModel(EmbeddingProperties properties) {
        this(properties.threads(), properties.batchSize());
    }

    /**
     * @param threads   inference threads, at least 1
     * @param batchSize texts per sub-batch, at least 1
     */
    public LocalEmbeddingModel(int threads, int batchSize) {
        if (threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("threads and batchSize must be at least 1");
        }
        this.batchSize = batchSize;
        this.executor = new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new EmbedThreads());
        // Each of our tasks embeds one text, which LangChain4j runs in the calling (pool) thread.
        this.delegate = new BgeSmallEnV15QuantizedEmbeddingModel(executor);
        log.info("Local embedding model {} ready: {} threads, sub-batches of {}", MODEL_ID, threads, batchSize);
    }

    @Override
    public EmbeddingResponse call(EmbeddingRequest request) {
        List<String> texts = request.getInstructions();
        List<Embedding> embeddings = new ArrayList<>(texts.size());
        long tokens = 0;
        for (int from = 0; from < texts.size(); from += batchSize) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + batchSize));
            List<Response<dev.langchain4j.data.embedding.Embedding>> results = embedBatch(batch);
            for (Response<dev.langchain4j.data.embedding.Embedding> result : results) {
                embeddings.add(new Embedding(result.content().vector(), embeddings.size()));
                if (result.tokenUsage() != null && result.tokenUsage().inputTokenCount() != null) {
                    tokens += result.tokenUsage().inputTokenCount();
                }
            }
        }
        int promptTokens = (int) Math.min(Integer.MAX_VALUE, tokens);
        return new EmbeddingResponse(embeddings,
                new EmbeddingResponseMetadata(MODEL_ID, new DefaultUsage(promptTokens, 0, promptTokens)));
    }

    @Override
    public float[] embed(String text) {
        return embedBatch(List.of(text)).get(0).content().vector();
    }

    @Override
    public float[] embed(Document document) {
        return embed(getEmbeddingContent(document));
    }

    /** Embeds a retrieval query: {@link #QUERY_PREFIX} followed by the query. */
    public float[] embedQuery(String query) {
        return embed(QUERY_PREFIX + Objects.requireNonNull(query, "query"));
    }

    /** {@value #DIMENSIONS}, without the probe call the default implementation would make. */
    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    /** Stops the inference threads, waiting briefly for running work. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private List<Response<dev.langchain4j.data.embedding.Embedding>> embedBatch(List<String> texts) {
        List<CompletableFuture<Response<dev.langchain4j.data.embedding.Embedding>>> futures =
                new ArrayList<>(texts.size());
        try {
            for (String text : texts) {
                Objects.requireNonNull(text, "text to embed");
                futures.add(CompletableFuture.supplyAsync(() -> delegate.embed(text), executor));
            }
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("The embedding model is closed", e);
        }
        List<Response<dev.langchain4j.data.embedding.Embedding>> results = new ArrayList<>(texts.size());
        try {
            for (CompletableFuture<Response<dev.langchain4j.data.embedding.Embedding>> future : futures) {
                results.add(future.join());
            }
        } catch (CompletionException e) {
            futures.forEach(f -> f.cancel(false));
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        return results;
    }

    private static final class EmbedThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "embed-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
