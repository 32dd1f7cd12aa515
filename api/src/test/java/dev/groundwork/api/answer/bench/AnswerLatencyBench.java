package dev.groundwork.api.answer.bench;

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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Time to first token added by the service (a command, not a test): a stub model with a fixed time to first token
 * answers (a) directly and (b) through {@code POST /api/answers} of the real app (real embedding model, real
 * retrieval over an ingested mirror topic), at 1, 10 and 100 concurrent streams. Prints p50/p95 of both and of the
 * difference as a Markdown table. Run: {@code scripts/bench.sh answers}.
 */
public final class AnswerLatencyBench {

    static final Duration STUB_FIRST_TOKEN = Duration.ofMillis(300);
    static final int[] CONCURRENCY = Boolean.getBoolean("bench.quick") ? new int[] {1} : new int[] {1, 10, 100};
    static final int ROUNDS = 3;
    static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() {
            };

    public static void main(String[] args) {
        try (MirrorServer mirror = MirrorServer.start(); FakeOpenAiServer model = FakeOpenAiServer.start()) {
            model.script(Script.tokens(Collections.nCopies(20, "word [1] ").toArray(String[]::new))
                    .paced(STUB_FIRST_TOKEN, Duration.ofMillis(10)));
            try (ConfigurableApplicationContext app = start(mirror, model)) {
                String topicId = AnswerFixture.ensure(app.getBean(RoadmapImporter.class), app.getBean(IngestRun.class),
                        app.getBean(RoadmapQueries.class));
                String port = app.getEnvironment().getProperty("local.server.port");
                WebClient service = WebClient.create("http://127.0.0.1:" + port);
                WebClient stub = WebClient.create(model.baseUrl());
                measure(service, stub, topicId, 4);   // warm-up: JIT, connection pools, ONNX session
                System.out.println();
                System.out.printf(Locale.ROOT, "| streams | stub alone p50 / p95 (ms) | through /api/answers p50 / p95 (ms)"
                        + " | service-added p50 / p95 (ms) |%n|---|---|---|---|%n");
                for (int streams : CONCURRENCY) {
                    List<Double> direct = new ArrayList<>();
                    List<Double> through = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        Result result = measure(service, stub, topicId, streams);
                        direct.addAll(result.direct());
                        through.addAll(result.through());
                    }
                    System.out.printf(Locale.ROOT, "| %d | %.0f / %.0f | %.0f / %.0f | %.0f / %.0f |%n", streams,
                            pct(direct, 50), pct(direct, 95), pct(through, 50), pct(through, 95),
                            pct(through, 50) - pct(direct, 50), pct(through, 95) - pct(direct, 95));
                }
                System.out.printf(Locale.ROOT, "%nStub time to first token %d ms; %d rounds per row; %d cores.%n",
                        STUB_FIRST_TOKEN.toMillis(), ROUNDS, Runtime.getRuntime().availableProcessors());
            }
        }
    }

    private record Result(List<Double> direct, List<Double> through) {
    }

    private static Result measure(WebClient service, WebClient stub, String topicId, int streams) {
        List<Double> direct = Flux.range(0, streams).flatMap(i -> firstChunk(stub), streams).collectList()
                .block(Duration.ofMinutes(2));
        List<Double> through = Flux.range(0, streams).flatMap(i -> firstToken(service, topicId), streams).collectList()
                .block(Duration.ofMinutes(5));
        return new Result(direct, through);
    }

    /** Milliseconds until the stub's first content chunk, asked directly. */
    private static Mono<Double> firstChunk(WebClient stub) {
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
    private static Mono<Double> firstToken(WebClient service, String topicId) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return service.post().uri("/api/answers").contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .bodyValue(Map.of("question", "How do I connect to Redis with redis-cli?", "topicId", topicId))
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
        Map<String, Object> properties = new HashMap<>(mirror.fetchProperties());
        properties.put("spring.ai.model.chat", "openai");
        properties.put("spring.ai.openai.base-url", model.baseUrl());
        properties.put("spring.ai.openai.api-key", "bench");
        properties.put("spring.ai.openai.chat.model", FakeOpenAiServer.MODEL);
        properties.put("spring.ai.openai.max-retries", "0");
        properties.put("spring.datasource.hikari.maximum-pool-size", "20");
        properties.put("groundwork.blocking.jdbc-threads", "20");
        return BenchApp.start(TestDatabase.get(), properties);
    }
}
