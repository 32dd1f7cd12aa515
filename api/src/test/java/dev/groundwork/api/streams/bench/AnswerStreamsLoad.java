package dev.groundwork.api.streams.bench;

import dev.groundwork.api.testing.BenchApp;
import dev.groundwork.api.testing.FakeOpenAiServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code n} answer streams open at once, read either from the stub model directly (the baseline) or through
 * {@code POST /api/answers}. The stub stamps each token with the time it wrote it ({@link FakeOpenAiServer#STAMP}),
 * so each token's delay is known; the gap the reader sees minus the gap the stub left is the difference of two
 * consecutive delays. The heap is measured once every stream has had its first token; gaps that span that
 * collection are left out.
 */
final class AnswerStreamsLoad {

    static final String QUESTION = "How do I connect to Redis with redis-cli?";
    private static final long PAUSE_MARGIN_NANOS = 200_000_000L;

    enum Path { STUB, SERVICE }

    /**
     * {@code rampGaps} while some streams still wait for their first token (questions being embedded and searched);
     * {@code openGaps} once all have theirs.
     */
    record Row(Path path, int streams, int errors, List<Double> firstTokens, LoadClient.Histogram rampGaps,
            LoadClient.Histogram openGaps, LoadClient.Histogram delays, long heapPerStream, int openAtSample,
            long gapsSkipped) {
    }

    private final WebClient stub;
    private final WebClient service;
    private final String topicId;
    private final int tokens;

    AnswerStreamsLoad(WebClient stub, WebClient service, String topicId, int tokens) {
        this.stub = stub;
        this.service = service;
        this.topicId = topicId;
        this.tokens = tokens;
    }

    /** One run: the streams, all started at once, followed to their ends (at most {@code limit}). */
    Row run(Path path, int streams, Duration limit) {
        Run run = new Run();
        long before = LoadClient.heapAfterGc();
        long began = System.nanoTime();
        Mono<Void> all = Flux.range(0, streams).flatMap(i -> follow(path, run), streams).then().cache();
        all.subscribe(ignored -> { }, e -> { });
        long deadline = began + limit.toNanos();
        while (run.settled.get() < streams && System.nanoTime() < deadline) {
            LoadClient.sleep(Duration.ofMillis(50));
        }
        run.pauseStart = System.nanoTime();
        int open = run.open.get();
        long with = LoadClient.heapAfterGc();
        run.pauseEnd = System.nanoTime();
        all.block(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        long perStream = open == 0 ? 0 : (with - before) / open;
        return new Row(path, streams, run.errors.get(), new ArrayList<>(run.firstTokens), run.rampGaps,
                run.openGaps, run.delays, perStream, open, run.skipped.get());
    }

    /** Shared by the streams of one run. */
    private static final class Run {
        final AtomicInteger settled = new AtomicInteger();
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final ConcurrentLinkedQueue<Double> firstTokens = new ConcurrentLinkedQueue<>();
        final LoadClient.Histogram rampGaps = new LoadClient.Histogram();
        final LoadClient.Histogram openGaps = new LoadClient.Histogram();
        final LoadClient.Histogram delays = new LoadClient.Histogram();
        volatile long pauseStart = Long.MAX_VALUE;
        volatile long pauseEnd = Long.MAX_VALUE;

        /** Whether the gap between {@code from} and {@code to} spans the heap measurement's collections. */
        boolean paused(long from, long to) {
            long end = pauseEnd;
            return to >= pauseStart && (end == Long.MAX_VALUE || from <= end + PAUSE_MARGIN_NANOS);
        }
    }

    /** One reader's stream. Touched by one signal at a time. */
    private final class Stream {
        final Run run;
        final long start = System.nanoTime();
        long previousArrival;
        long previousDelay;
        int received;
        boolean failed;
        boolean done;

        Stream(Run run) {
            this.run = run;
        }

        void token(String data) {
            long now = System.nanoTime();
            int from = data.indexOf('~');
            int to = data.indexOf('~', from + 1);
            if (from < 0 || to < 0) {
                return;
            }
            long delay = now - Long.parseLong(data, from + 1, to, 10);
            if (received == 0) {
                run.firstTokens.add((now - start) / 1e6);
                run.open.incrementAndGet();
                run.settled.incrementAndGet();
            } else if (run.paused(previousArrival, now)) {
                run.skipped.incrementAndGet();
            } else {
                (now < run.pauseStart ? run.rampGaps : run.openGaps).add((delay - previousDelay) / 1e6);
            }
            run.delays.add(delay / 1e6);
            previousArrival = now;
            previousDelay = delay;
            received++;
        }

        void end() {
            if (received > 0) {
                run.open.decrementAndGet();
            } else {
                run.settled.incrementAndGet();
            }
            if (failed || received != tokens || !done) {
                run.errors.incrementAndGet();
            }
        }
    }

    private Mono<Void> follow(Path path, Run run) {
        return Mono.defer(() -> {
            Stream stream = new Stream(run);
            Flux<ServerSentEvent<String>> events = path == Path.STUB ? fromStub() : fromService();
            return events.doOnNext(event -> {
                        if (path == Path.STUB) {
                            stream.token(event.data() == null ? "" : event.data());
                            stream.done |= "[DONE]".equals(event.data());
                        } else if ("token".equals(event.event())) {
                            stream.token(event.data());
                        } else if ("notice".equals(event.event()) || "failed".equals(event.event())) {
                            stream.failed = true;
                        } else if ("done".equals(event.event())) {
                            stream.done = true;
                        }
                    })
                    .onErrorResume(e -> {
                        stream.failed = true;
                        return Mono.empty();
                    })
                    .doFinally(signal -> stream.end())
                    .then();
        });
    }

    private Flux<ServerSentEvent<String>> fromStub() {
        return stub.post().uri("/chat/completions").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("model", FakeOpenAiServer.MODEL, "stream", true,
                        "messages", List.of(Map.of("role", "user", "content", QUESTION))))
                .retrieve().bodyToFlux(LoadClient.EVENT);
    }

    private Flux<ServerSentEvent<String>> fromService() {
        return service.post().uri("/api/answers").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("question", QUESTION, "topicId", topicId))
                .retrieve().bodyToFlux(LoadClient.EVENT);
    }

    static double percentile(List<Double> values, int percentile) {
        return BenchApp.percentile(values, percentile);
    }
}
