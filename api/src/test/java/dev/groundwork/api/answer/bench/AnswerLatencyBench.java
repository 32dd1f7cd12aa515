package dev.groundwork.api.answer.bench;

import dev.groundwork.api.generation.ModelRequestLatency;
import dev.groundwork.api.testing.AnswerFixture;
import dev.groundwork.api.testing.BenchApp;
import dev.groundwork.api.testing.FakeOpenAiServer;
import dev.groundwork.api.testing.FakeOpenAiServer.Script;
import dev.groundwork.ingest.mirror.MirrorServer;
import dev.groundwork.ingest.pipeline.IngestRun;
import dev.groundwork.ingest.pipeline.RoadmapImporter;
import dev.groundwork.ingest.store.RoadmapQueries;
import dev.groundwork.ingest.testdb.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Time to first token added by the service, and its throughput (a command, not a test): a stub model with a fixed
 * time to first token answers (a) directly and (b) through {@code POST /api/answers} of the real app (real embedding
 * model, real retrieval over an ingested mirror topic). Prints, as Markdown tables: p50/p95 of both and of the
 * difference at 1, 10 and 100 concurrent streams; queries embedded per second, one by one against micro-batched
 * ({@link EmbeddingThroughput}); an open-loop sweep of questions arriving at fixed rates; the query cache on repeated
 * questions; and a model request with an answer's prompt with and without {@code TCP_NODELAY}. Every question is new
 * (sentences of the sources, {@link Questions}) unless it says otherwise, so the cache flatters nothing. Run:
 * {@code scripts/bench.sh answers}.
 */
public final class AnswerLatencyBench {

    static final Duration STUB_FIRST_TOKEN = Duration.ofMillis(300);
    static final boolean QUICK = Boolean.getBoolean("bench.quick");
    static final int[] CONCURRENCY = QUICK ? new int[] {1} : new int[] {1, 10, 100};
    static final int ROUNDS = 3;
    static final int[] RATES = QUICK ? new int[] {5} : new int[] {2, 5, 10, 20, 40};
    static final Duration RATE_RUN = Duration.ofSeconds(Long.getLong("bench.rateSeconds", 8));
    static final double P95_TARGET_MS = 500;
    static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() {
            };

    private final WebClient service;
    private final WebClient stub;
    private final String topicId;
    private final Questions questions;

    private AnswerLatencyBench(WebClient service, WebClient stub, String topicId, Questions questions) {
        this.service = service;
        this.stub = stub;
        this.topicId = topicId;
        this.questions = questions;
    }

    public static void main(String[] args) {
        try (MirrorServer mirror = MirrorServer.start(); FakeOpenAiServer model = FakeOpenAiServer.start()) {
            model.script(Script.tokens(Collections.nCopies(20, "word [1] ").toArray(String[]::new))
                    .paced(STUB_FIRST_TOKEN, Duration.ofMillis(10)));
            try (ConfigurableApplicationContext app = start(mirror, model)) {
                String topicId = AnswerFixture.ensure(app.getBean(RoadmapImporter.class), app.getBean(IngestRun.class),
                        app.getBean(RoadmapQueries.class));
                Questions questions = Questions.from(app.getBean(JdbcClient.class));
                String port = app.getEnvironment().getProperty("local.server.port");
                AnswerLatencyBench bench = new AnswerLatencyBench(WebClient.create("http://127.0.0.1:" + port),
                        WebClient.create(model.baseUrl()), topicId, questions);
                bench.closedLoop(4);   // warm-up: JIT, connection pools, ONNX session
                bench.printConcurrencyTable();
                EmbeddingThroughput embedding = new EmbeddingThroughput(app, questions);
                embedding.printTable();
                bench.printRateSweep();
                embedding.printCacheLine();
                bench.printRepeatedQuestion();
                ModelRequestLatency.printLines(model);
                System.out.printf(Locale.ROOT, "%nStub time to first token %d ms; %d rounds per concurrency row; %d s per"
                                + " rate; %d distinct source sentences as questions; %d cores.%n",
                        STUB_FIRST_TOKEN.toMillis(), ROUNDS, RATE_RUN.toSeconds(), questions.size(),
                        Runtime.getRuntime().availableProcessors());
            }
        }
    }

    private void printConcurrencyTable() {
        System.out.printf(Locale.ROOT, "%n| streams | stub alone p50 / p95 (ms) | through /api/answers p50 / p95 (ms)"
                + " | service-added p50 / p95 (ms) |%n|---|---|---|---|%n");
        for (int streams : CONCURRENCY) {
            List<Double> direct = new ArrayList<>();
            List<Double> through = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                Result result = closedLoop(streams);
                direct.addAll(result.direct());
                through.addAll(result.through());
            }
            System.out.printf(Locale.ROOT, "| %d | %s |%n", streams, cells(direct, through));
        }
    }

    /** Questions arriving at a fixed rate whatever the answers' speed (open loop), the stub alone first. */
    private void printRateSweep() {
        System.out.printf(Locale.ROOT, "%n| questions/s | stub alone p50 / p95 (ms) | through /api/answers p50 / p95 (ms)"
                + " | service-added p50 / p95 (ms) | failed |%n|---|---|---|---|---|%n");
        int best = 0;
        for (int rate : RATES) {
            List<Double> direct = openLoop(rate, () -> firstChunk());
            List<Double> through = openLoop(rate, () -> firstToken(questions.next()));
            long expected = rate * RATE_RUN.toSeconds();
            double addedP95 = pct(through, 95) - pct(direct, 95);
            System.out.printf(Locale.ROOT, "| %d | %s | %d |%n", rate, cells(direct, through), expected - through.size());
            if (through.size() == expected && addedP95 < P95_TARGET_MS) {
                best = rate;
            }
        }
        System.out.printf(Locale.ROOT, "%nHighest rate with every answer started and service-added p95 under %.0f ms: %s.%n",
                P95_TARGET_MS, best == 0 ? "none of those tried" : best + " questions/s");
    }

    /** The same question asked again and again at 1 stream: its vector comes from the cache after the first time. */
    private void printRepeatedQuestion() {
        String question = questions.next();
        List<Double> direct = new ArrayList<>();
        List<Double> through = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            direct.add(firstChunk().block(Duration.ofMinutes(1)));
            through.add(firstToken(question).block(Duration.ofMinutes(1)));
        }
        System.out.printf(Locale.ROOT, "One question asked 10 times at 1 stream: service-added p50 / p95 %.0f / %.0f ms.%n",
                pct(through, 50) - pct(direct, 50), pct(through, 95) - pct(direct, 95));
    }

    private static String cells(List<Double> direct, List<Double> through) {
        return String.format(Locale.ROOT, "%.0f / %.0f | %.0f / %.0f | %.0f / %.0f", pct(direct, 50), pct(direct, 95),
                pct(through, 50), pct(through, 95), pct(through, 50) - pct(direct, 50),
                pct(through, 95) - pct(direct, 95));
    }

    private record Result(List<Double> direct, List<Double> through) {
    }

    private Result closedLoop(int streams) {
        List<Double> direct = Flux.range(0, streams).flatMap(i -> firstChunk(), streams).collectList()
                .block(Duration.ofMinutes(2));
        List<Double> through = Flux.range(0, streams).flatMap(i -> firstToken(questions.next()), streams)
                .collectList().block(Duration.ofMinutes(5));
        return new Result(direct, through);
    }

    /** Starts one request every {@code 1/rate} s for {@link #RATE_RUN}; the times of those that got a first token. */
    private static List<Double> openLoop(int rate, Supplier<Mono<Double>> request) {
        long count = rate * RATE_RUN.toSeconds();
        return Flux.interval(Duration.ofNanos(1_000_000_000L / rate)).take(count)
                .flatMap(i -> request.get().onErrorResume(e -> Mono.empty()), (int) count)
                .collectList().block(RATE_RUN.plusMinutes(3));
    }

    /** Milliseconds until the stub's first content chunk, asked directly. */
    private Mono<Double> firstChunk() {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return stub.post().uri("/chat/completions").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("model", FakeOpenAiServer.MODEL, "stream", true,
                            "messages", List.of(Map.of("role", "user", "content", "hi"))))
                    .retrieve().bodyToFlux(String.class)
                    .filter(chunk -> chunk.contains("\"content\":\"word"))
                    .next()
                    .map(chunk -> (System.nanoTime() - start) / 1e6);
        });
    }

    /** Milliseconds until the first {@code token} event of an answer through the service. */
    private Mono<Double> firstToken(String question) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return service.post().uri("/api/answers").contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .bodyValue(Map.of("question", question, "topicId", topicId))
                    .retrieve().bodyToFlux(EVENT)
                    .filter(e -> "token".equals(e.event()))
                    .next()
                    .map(e -> (System.nanoTime() - start) / 1e6);
        });
    }

    private static double pct(List<Double> values, int percentile) {
        return BenchApp.percentile(values, percentile);
    }

    private static ConfigurableApplicationContext start(MirrorServer mirror, FakeOpenAiServer model) {
        return BenchApp.start(TestDatabase.get(), BenchApp.modelProperties(mirror, model));
    }
}
