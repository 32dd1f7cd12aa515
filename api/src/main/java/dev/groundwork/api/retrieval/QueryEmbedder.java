package dev.groundwork.api.retrieval;

import dev.groundwork.api.embedding.RetrievalModel;
import dev.groundwork.ingest.embed.EmbeddingModels;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * Embeds search questions: repeated questions from a least-recently-used cache (keyed by model id and text), the
 * others in micro-batches — questions that arrive together go to the model in one {@link EmbeddingModel#embed(List)}
 * call with the model's query prefix ({@link EmbeddingModels#queryText}). A batch goes once it holds
 * {@link QueryEmbeddingProperties#maxBatch()} questions or its first question has waited
 * {@link QueryEmbeddingProperties#window()}. A question's vector never depends on its batch: each text is embedded on
 * its own by the local model (batching inside one ONNX run would change the quantized model's vectors).
 *
 * <p><b>Threading.</b> {@link #embed} never blocks its caller: batches run on the bounded {@code inference} scheduler,
 * which also times the window. A failed batch fails every caller in it; a caller that cancels leaves the batch (or is
 * dropped from it if it already runs) without failing the others. {@link #embedNow} is for code already on an
 * inference thread: it never waits for a batch, so it cannot deadlock the scheduler it runs on.
 */
@Component
public class QueryEmbedder {

    private static final Logger log = LoggerFactory.getLogger(QueryEmbedder.class);

    private final EmbeddingModel model;
    private final String modelId;
    private final QueryEmbeddingProperties properties;
    private final Scheduler inference;
    private final QueryVectors cache;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private boolean flushArmed;
    private final LongAdder batches = new LongAdder();
    private final LongAdder embedded = new LongAdder();

    public QueryEmbedder(EmbeddingModel model, QueryEmbeddingProperties properties,
            @Qualifier("inferenceScheduler") Scheduler inference) {
        this.model = model;
        this.modelId = EmbeddingModels.id(model);
        this.properties = properties;
        this.inference = inference;
        this.cache = new QueryVectors(properties.cacheEntries());
    }

    /** What the embedder has done so far: cache hits and misses, batches run and texts embedded in them. */
    public record Stats(long hits, long misses, long batches, long embedded) {
    }

    /** The query's vector (unit length for the local model); from the cache or the next batch. Never blocks. */
    public Mono<float[]> embed(String query) {
        return Mono.defer(() -> {
            float[] cached = cache.get(modelId, query);
            return cached != null ? Mono.just(cached) : Mono.<float[]>create(sink -> enqueue(new Waiting(query, sink)));
        });
    }

    /**
     * The query's vector from the cache, else embedded on the calling thread — never waiting for a batch. Blocking
     * and CPU-bound: call it on the {@code inference} scheduler, never on an event loop.
     */
    public float[] embedNow(String query) {
        float[] cached = cache.get(modelId, query);
        if (cached != null) {
            return cached;
        }
        float[] vector = EmbeddingModels.embedQuery(model, query);
        cache.put(modelId, query, vector);
        embedded.increment();
        return vector;
    }

    /**
     * The query's vector by a retrieval model other than this embedder's own (the configured remote model), from the
     * same cache, else embedded on the calling thread. Blocking (a network request on a miss): never on an event loop.
     */
    public float[] embedNow(RetrievalModel other, String query) {
        float[] cached = cache.get(other.id(), query);
        if (cached != null) {
            return cached;
        }
        float[] vector = EmbeddingModels.embedQuery(other.model(), query);
        cache.put(other.id(), query, vector);
        embedded.increment();
        return vector;
    }

    public Stats stats() {
        return new Stats(cache.hits(), cache.misses(), batches.sum(), embedded.sum());
    }

    /** A caller waiting for its question's vector. */
    private static final class Waiting {

        final String query;
        final MonoSink<float[]> sink;
        volatile boolean cancelled;

        Waiting(String query, MonoSink<float[]> sink) {
            this.query = query;
            this.sink = sink;
        }
    }

    private void enqueue(Waiting caller) {
        caller.sink.onCancel(() -> {
            caller.cancelled = true;
            synchronized (waiting) {
                waiting.remove(caller);
            }
        });
        List<Waiting> full = null;
        boolean arm = false;
        synchronized (waiting) {
            waiting.add(caller);
            if (waiting.size() >= properties.maxBatch()) {
                full = drain();
            } else if (!flushArmed) {
                flushArmed = true;
                arm = true;
            }
        }
        if (full != null) {
            List<Waiting> batch = full;
            submit(batch, () -> run(batch), false);
        }
        if (arm) {
            submit(null, this::flush, true);
        }
    }

    /** The window ended: embeds what waits (a full batch at most), and arms the next flush if more is waiting. */
    private void flush() {
        List<Waiting> batch;
        boolean more;
        synchronized (waiting) {
            batch = drain();
            more = !waiting.isEmpty();
            flushArmed = more;
        }
        if (more) {
            submit(null, this::flush, false);
        }
        run(batch);
    }

    /** Takes up to a batch of waiting callers, oldest first. Called holding the lock. */
    private List<Waiting> drain() {
        List<Waiting> batch = new ArrayList<>(Math.min(waiting.size(), properties.maxBatch()));
        while (!waiting.isEmpty() && batch.size() < properties.maxBatch()) {
            batch.add(waiting.poll());
        }
        return batch;
    }

    /** Runs {@code task} on the inference scheduler, after the window if asked; a refusal fails the callers. */
    private void submit(List<Waiting> batch, Runnable task, boolean afterWindow) {
        try {
            if (afterWindow && !properties.window().isZero()) {
                inference.schedule(task, properties.window().toNanos(), TimeUnit.NANOSECONDS);
            } else {
                inference.schedule(task);
            }
        } catch (RuntimeException refused) {
            List<Waiting> failed = batch;
            if (failed == null) {
                failed = new ArrayList<>();
                synchronized (waiting) {
                    flushArmed = false;
                    while (!waiting.isEmpty()) {
                        failed.addAll(drain());
                    }
                }
            }
            fail(failed, refused);
        }
    }

    /** Embeds the batch's distinct questions in one model call and answers every caller. */
    private void run(List<Waiting> batch) {
        Map<String, List<Waiting>> byQuery = new LinkedHashMap<>();
        for (Waiting caller : batch) {
            if (!caller.cancelled) {
                byQuery.computeIfAbsent(caller.query, q -> new ArrayList<>()).add(caller);
            }
        }
        if (byQuery.isEmpty()) {
            return;
        }
        List<String> queries = new ArrayList<>(byQuery.keySet());
        List<float[]> vectors;
        try {
            long start = System.nanoTime();
            vectors = model.embed(queries.stream().map(q -> EmbeddingModels.queryText(model, q)).toList());
            if (vectors.size() != queries.size()) {
                throw new IllegalStateException("The embedding model returned " + vectors.size() + " vectors for "
                        + queries.size() + " texts");
            }
            log.debug("Embedded {} queries for {} callers in {} ms", queries.size(), batch.size(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | Error e) {
            fail(batch, e);
            if (e instanceof Error error) {
                throw error;
            }
            return;
        }
        batches.increment();
        embedded.add(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            cache.put(modelId, queries.get(i), vectors.get(i));
            List<Waiting> callers = byQuery.get(queries.get(i));
            for (int c = 0; c < callers.size(); c++) {
                callers.get(c).sink.success(c == 0 ? vectors.get(i) : vectors.get(i).clone());
            }
        }
    }

    private static void fail(List<Waiting> batch, Throwable error) {
        for (Waiting caller : batch) {
            caller.sink.error(error);
        }
    }
}
