package dev.groundwork.api.answer.bench;

import dev.groundwork.api.retrieval.QueryEmbedder;
import dev.groundwork.api.retrieval.QueryEmbeddingProperties;
import dev.groundwork.api.testing.BenchApp;
import dev.groundwork.ingest.embed.EmbeddingModels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Queries embedded per second by the app's embedding model on its {@code inference} scheduler, with 1, 10 and 100
 * callers each embedding distinct questions back to back (cache off): one by one, as retrieval did before (one
 * inference task per question), against the micro-batching {@link QueryEmbedder} with its defaults and a few other
 * settings. Then the cache: a repeated question against a new one.
 */
final class EmbeddingThroughput {

    static final int[] CALLERS = {1, 10, 100};
    static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.embedSeconds", 4));

    private final EmbeddingModel model;
    private final Scheduler inference;
    private final QueryEmbeddingProperties defaults;
    private final Questions questions;

    EmbeddingThroughput(ConfigurableApplicationContext app, Questions questions) {
        this.model = app.getBean(EmbeddingModel.class);
        this.inference = app.getBean("inferenceScheduler", Scheduler.class);
        this.defaults = app.getBean(QueryEmbeddingProperties.class);
        this.questions = questions;
    }

    void printTable() {
        List<QueryEmbeddingProperties> settings = List.of(
                new QueryEmbeddingProperties(defaults.window(), defaults.maxBatch(), 0),
                new QueryEmbeddingProperties(Duration.ofMillis(2), defaults.maxBatch(), 0),
                new QueryEmbeddingProperties(Duration.ZERO, 4, 0),
                new QueryEmbeddingProperties(Duration.ZERO, 32, 0));
        rate(1, this::oneByOne);   // warm-up
        System.out.printf(Locale.ROOT, "%n| embedding | %s |%n|---|---|---|---|%n", String.join(" | ",
                java.util.Arrays.stream(CALLERS).mapToObj(n -> n + " caller" + (n == 1 ? "" : "s") + " (q/s, p95 ms)")
                        .toList()));
        row("one by one (before)", this::oneByOne);
        for (QueryEmbeddingProperties setting : settings) {
            QueryEmbedder embedder = new QueryEmbedder(model, setting, inference);
            String name = String.format(Locale.ROOT, "micro-batched, window %d ms, batch ≤ %d%s",
                    setting.window().toMillis(), setting.maxBatch(), setting.window().equals(defaults.window())
                            && setting.maxBatch() == defaults.maxBatch() ? " (default)" : "");
            row(name, embedder::embed);
        }
    }

    void printCacheLine() {
        QueryEmbedder embedder = new QueryEmbedder(model, defaults, inference);
        List<Double> misses = new ArrayList<>();
        List<Double> hits = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String question = questions.next();
            misses.add(timed(embedder.embed(question)));
            hits.add(timed(embedder.embed(question)));
        }
        QueryEmbedder.Stats stats = embedder.stats();
        System.out.printf(Locale.ROOT, "%nQuery cache, each of 50 questions asked twice: hit rate %.0f %% (%d hits, %d"
                        + " misses); query vector p50/p95 %.3f / %.3f ms from the cache vs %.1f / %.1f ms embedded.%n",
                100.0 * stats.hits() / (stats.hits() + stats.misses()), stats.hits(), stats.misses(),
                BenchApp.percentile(hits, 50), BenchApp.percentile(hits, 95), BenchApp.percentile(misses, 50),
                BenchApp.percentile(misses, 95));
    }

    private Mono<float[]> oneByOne(String question) {
        return Mono.fromCallable(() -> EmbeddingModels.embedQuery(model, question)).subscribeOn(inference);
    }

    private void row(String name, Function<String, Mono<float[]>> embed) {
        StringBuilder line = new StringBuilder("| " + name + " |");
        for (int callers : CALLERS) {
            Rate rate = rate(callers, embed);
            line.append(String.format(Locale.ROOT, " %.0f (p95 %.0f) |", rate.perSecond(), rate.p95()));
        }
        System.out.println(line);
    }

    private record Rate(double perSecond, double p95) {
    }

    /** {@code callers} loops, each embedding a new question as soon as its last one is done, for {@link #RUN}. */
    private Rate rate(int callers, Function<String, Mono<float[]>> embed) {
        long start = System.nanoTime();
        long end = start + RUN.toNanos();
        List<Double> latencies = Flux.range(0, callers)
                .flatMap(caller -> Mono.defer(() -> {
                            long asked = System.nanoTime();
                            return embed.apply(questions.next()).map(v -> (System.nanoTime() - asked) / 1e6);
                        })
                        .repeat(() -> System.nanoTime() < end), callers)
                .collectList().block(RUN.plusMinutes(2));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Rate(latencies.size() / seconds, BenchApp.percentile(latencies, 95));
    }

    private static double timed(Mono<float[]> vector) {
        long start = System.nanoTime();
        vector.block(Duration.ofMinutes(1));
        return (System.nanoTime() - start) / 1e6;
    }
}
