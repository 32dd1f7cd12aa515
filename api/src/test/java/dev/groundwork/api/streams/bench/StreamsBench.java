package dev.groundwork.api.streams.bench;

import dev.groundwork.api.ingestion.IngestionService;
import dev.groundwork.api.streams.bench.AnswerStreamsLoad.Path;
import dev.groundwork.api.testing.AnswerFixture;
import dev.groundwork.api.testing.BenchApp;
import dev.groundwork.api.testing.FakeOpenAiServer;
import dev.groundwork.api.testing.FakeOpenAiServer.Script;
import dev.groundwork.ingest.mirror.MirrorServer;
import dev.groundwork.ingest.pipeline.IngestRun;
import dev.groundwork.ingest.pipeline.RoadmapImporter;
import dev.groundwork.ingest.store.RoadmapQueries;
import dev.groundwork.ingest.testdb.TestDatabase;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Many open streams on one app (a command, not a test), over loopback, against the real app on a bench database.
 * (1) Answer streams ({@code POST /api/answers}, real retrieval over the ingested mirror topic) over a stub model
 * that sends 20 tokens/s per stream, at 50 and 500 at once, side by side with the same streams read from the stub
 * directly: errors, time to first token, the inter-token gap the reader sees minus the stub's own, heap per stream.
 * (2) Idle ingestion progress streams held with heartbeats on roadmaps whose ingestion is queued but not moving:
 * connections held, heartbeats, the database's statements per second, heap per connection. Progress goes to stderr,
 * the Markdown tables to stdout. Run: {@code scripts/bench.sh streams}.
 */
public final class StreamsBench {

    static final Duration TOKEN_GAP = Duration.ofMillis(50);
    static final int TOKENS = Integer.getInteger("bench.tokens", 1200);
    static final int[] ANSWER_STREAMS = {50, 500};
    static final int FOLLOWERS = Integer.getInteger("bench.followers", 2000);
    static final int ROADMAPS = 20;
    static final Duration HOLD = Duration.ofSeconds(Integer.getInteger("bench.hold", 60));
    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    static final Duration LIMIT = Duration.ofMinutes(5);

    /** {@code answers} or {@code progress} runs one half; nothing runs both. */
    public static void main(String[] args) {
        String part = args.length > 0 ? args[0] : "";
        PrintStream out = System.out;
        System.setOut(System.err);   // the app's banner and log lines are progress, not tables
        List<String> tables = new ArrayList<>();
        try (MirrorServer mirror = MirrorServer.start();
                FakeOpenAiServer model = FakeOpenAiServer.startForLoad(4096).stampTokens()) {
            try (ConfigurableApplicationContext app = start(mirror, model)) {
                String port = app.getEnvironment().getProperty("local.server.port");
                if (!"progress".equals(part)) {
                    tables.add(answers(app, model, port));
                }
                if (!"answers".equals(part)) {
                    tables.add(progress(app, port));
                }
            }
        }
        tables.forEach(out::println);
    }

    private static String answers(ConfigurableApplicationContext app, FakeOpenAiServer model, String port) {
        log("Ingesting the mirror topic");
        String topicId = AnswerFixture.ensure(app.getBean(RoadmapImporter.class), app.getBean(IngestRun.class),
                app.getBean(RoadmapQueries.class));
        int most = ANSWER_STREAMS[ANSWER_STREAMS.length - 1];
        WebClient stub = LoadClient.create(model.baseUrl(), most + 100);
        WebClient service = LoadClient.create("http://127.0.0.1:" + port, most + 100);
        model.script(script(20));
        AnswerStreamsLoad warmUp = new AnswerStreamsLoad(stub, service, topicId, 20);
        log("Warming up");
        warmUp.run(Path.STUB, 20, LIMIT);
        warmUp.run(Path.SERVICE, 20, LIMIT);
        model.script(script(TOKENS));
        AnswerStreamsLoad load = new AnswerStreamsLoad(stub, service, topicId, TOKENS);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n| streams | read | errors "
                + "| first token p50 / p95 (ms) | added gap, all open p50 / p99 (ms) | added gap, ramp p50 / p99 (ms) "
                + "| token delay p50 / p99 (ms) | heap per stream (KB) |%n|---|---|---|---|---|---|---|---|%n"));
        long skipped = 0;
        for (int streams : ANSWER_STREAMS) {
            for (Path path : Path.values()) {
                log("%d answer streams, %s", streams, path);
                AnswerStreamsLoad.Row row = load.run(path, streams, LIMIT);
                skipped += row.gapsSkipped();
                table.append(String.format(Locale.ROOT, "| %d | %s | %d | %.0f / %.0f | %.1f / %.1f | %.1f / %.1f "
                                + "| %.1f / %.1f | %.0f (%d open) |%n", streams,
                        path == Path.STUB ? "stub directly (baseline)" : "through /api/answers", row.errors(),
                        AnswerStreamsLoad.percentile(row.firstTokens(), 50),
                        AnswerStreamsLoad.percentile(row.firstTokens(), 95),
                        row.openGaps().percentile(50), row.openGaps().percentile(99),
                        row.rampGaps().percentile(50), row.rampGaps().percentile(99),
                        row.delays().percentile(50), row.delays().percentile(99),
                        row.heapPerStream() / 1024.0, row.openAtSample()));
            }
        }
        table.append(String.format(Locale.ROOT, "%nStub: %d tokens per stream, %d ms apart (%.0f tokens/s), first "
                        + "after %d ms. Added gap = the gap the reader saw minus the gap the stub left between the "
                        + "same two tokens, once every stream has its first token (all open) and before (ramp: questions "
                        + "still being embedded and searched); token delay = from the stub writing a token to the reader having it. "
                        + "Heap per stream = heap after a full GC with the streams open minus before, over the "
                        + "streams open then (stub, app and reader share one JVM: the baseline row is the stub's and "
                        + "reader's share). %d gaps spanning those GCs left out. %d cores.%n", TOKENS,
                TOKEN_GAP.toMillis(), 1000.0 / TOKEN_GAP.toMillis(), TOKEN_GAP.toMillis(), skipped,
                Runtime.getRuntime().availableProcessors()));
        return table.toString();
    }

    private static String progress(ConfigurableApplicationContext app, String port) {
        log("Queueing the ingestion of %d roadmaps (no workers run)", ROADMAPS);
        RoadmapImporter importer = app.getBean(RoadmapImporter.class);
        IngestionService ingestion = app.getBean(IngestionService.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ROADMAPS; i++) {
            String markdown = "# Progress bench " + i + "\n## Week 1: Waiting\n- https://example.org/bench/" + i + "\n";
            String id = importer.importDocument(markdown.getBytes(StandardCharsets.UTF_8), "progress-" + i + ".md")
                    .roadmap().id();
            ingestion.start(id).block(Duration.ofSeconds(30));
            ids.add(id);
        }
        ProgressFollowersLoad load = new ProgressFollowersLoad(
                LoadClient.create("http://127.0.0.1:" + port, FOLLOWERS + 100), app.getBean(JdbcClient.class), ids,
                HEARTBEAT);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n| connections | roadmaps | held "
                + "| errors | heartbeats per connection min / median | longest silence (s) | DB statements/s "
                + "| heap per connection (KB) |%n|---|---|---|---|---|---|---|---|%n"));
        int[][] rows = {{0, 1}, {FOLLOWERS, 1}, {FOLLOWERS, ROADMAPS}};
        for (int[] shape : rows) {
            log("%d progress connections on %d roadmaps, held %d s", shape[0], shape[1], HOLD.toSeconds());
            ProgressFollowersLoad.Row row = load.run(shape[0], shape[1], HOLD, LIMIT);
            List<Integer> beats = new ArrayList<>(row.heartbeats());
            Collections.sort(beats);
            table.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %s | %.1f | %.0f | %s |%n",
                    row.connections(), row.roadmaps(), row.held(), row.errors(),
                    beats.isEmpty() ? "–" : beats.get(0) + " / " + beats.get(beats.size() / 2),
                    row.longestSilenceSeconds(), row.statementsPerSecond(),
                    row.held() == 0 ? "–" : String.format(Locale.ROOT, "%.1f", row.heapPerConnection() / 1024.0)));
        }
        table.append(String.format(Locale.ROOT, "%nHeld %d s after every connection had its first event; heartbeat "
                        + "every %d s (so %d expected), poll every %s; statements/s = transactions committed in the "
                        + "app's database (pg_stat_database) over the window. %d cores.%n", HOLD.toSeconds(),
                HEARTBEAT.toSeconds(), HOLD.dividedBy(HEARTBEAT),
                app.getEnvironment().getProperty("groundwork.ingestion-events.poll", "500ms"),
                Runtime.getRuntime().availableProcessors()));
        return table.toString();
    }

    private static Script script(int tokens) {
        return Script.tokens(Collections.nCopies(tokens, "~" + FakeOpenAiServer.STAMP + "~ ").toArray(String[]::new))
                .paced(TOKEN_GAP, TOKEN_GAP);
    }

    private static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[streams] " + format + "%n", args);
    }

    private static ConfigurableApplicationContext start(MirrorServer mirror, FakeOpenAiServer model) {
        Map<String, Object> properties = BenchApp.modelProperties(mirror, model);
        properties.put("groundwork.ingestion-events.heartbeat", HEARTBEAT.toMillis() + "ms");
        properties.put("groundwork.limits.answers", "1000000");
        return BenchApp.start(TestDatabase.get(), properties);
    }
}
