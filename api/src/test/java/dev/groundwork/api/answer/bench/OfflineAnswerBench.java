package dev.groundwork.api.answer.bench;

import dev.groundwork.api.generation.CandidateTexts;
import dev.groundwork.api.retrieval.RetrievedChunk;
import dev.groundwork.api.retrieval.Retriever;
import dev.groundwork.api.retrieval.Scope;
import dev.groundwork.api.retrieval.SearchRequest;
import dev.groundwork.api.testing.AnswerFixture;
import dev.groundwork.api.testing.BenchApp;
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
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Offline answers (no model configured) through {@code POST /api/answers} of the real app — the real bge model,
 * retrieval over the ingested mirror topic ({@link AnswerFixture}) — with the sentence cache off (the baseline: every
 * question embeds its shortlist) and on (cold: a fresh cache, first pass; warm: a second pass of other questions), at
 * 1, 10 and 200 concurrent questions, every question distinct. Prints answers per second and time to first token
 * p50/p95 as a Markdown table, whether the cached answers equal the baseline's, and what embedding every statement at
 * ingest would cost against embedding the chunks. A command, not a test: {@code scripts/bench.sh offline}.
 */
public final class OfflineAnswerBench {

    static final int[] CONCURRENCY = Boolean.getBoolean("bench.quick") ? new int[] {1, 10} : new int[] {1, 10, 200};
    static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() {
            };

    public static void main(String[] args) {
        Questions questions = new Questions();
        Map<String, String> rows = new TreeMap<>();   // by concurrency, then off, cold, warm
        int same = 0;
        int compared = 0;
        String cost;
        try (MirrorServer mirror = MirrorServer.start()) {
            Map<Integer, List<Pass.Answer>> baseline = new HashMap<>();
            try (ConfigurableApplicationContext app = start(mirror, "0")) {
                String topicId = topic(app);
                cost = ingestCost(app, topicId);
                WebClient client = client(app);
                CpuMeter cpu = new CpuMeter(app.getBean(JdbcClient.class));
                Pass.run(client, cpu, topicId, questions.next(4), 4);   // warm-up: JIT, connection pools, ONNX session
                for (int concurrent : CONCURRENCY) {
                    Pass pass = Pass.run(client, cpu, topicId, questions.baseline(concurrent), concurrent);
                    baseline.put(concurrent, pass.answers());
                    rows.put(concurrent + 1000 + "a", pass.row("off (baseline)", concurrent));
                }
            }
            for (int concurrent : CONCURRENCY) {
                try (ConfigurableApplicationContext app = start(mirror, null)) {   // the default bound; a fresh cache
                    String topicId = topic(app);
                    WebClient client = client(app);
                    CpuMeter cpu = new CpuMeter(app.getBean(JdbcClient.class));
                    Pass cold = Pass.run(client, cpu, topicId, questions.baseline(concurrent), concurrent);
                    rows.put(concurrent + 1000 + "b", cold.row("on, cold (first pass)", concurrent));
                    Pass warm = Pass.run(client, cpu, topicId, questions.next(size(concurrent)), concurrent);
                    rows.put(concurrent + 1000 + "c", warm.row("on, warm (other questions)", concurrent));
                    for (int i = 0; i < cold.answers().size(); i++) {
                        compared++;
                        same += cold.answers().get(i).equals(baseline.get(concurrent).get(i)) ? 1 : 0;
                    }
                }
            }
        }
        System.out.println();
        System.out.println("| sentence cache | concurrent | questions | answers/s | first token p50 / p95 (ms)"
                + " | CPU ms per answer: app JVM + PostgreSQL | answers/s that CPU allows on 2 free cores |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.values().forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nAnswers of the cold passes identical to the baseline's (text and citations):"
                + " %d of %d.%n%n%s%n%d cores; every question distinct; no language model configured. CPU is the bench"
                + " process's (the app and its HTTP client) plus the bench database's PostgreSQL backends, so it holds"
                + " under other load; the last column is 2 cores' 2000 CPU ms a second over it.%n",
                same, compared, cost, Runtime.getRuntime().availableProcessors());
    }

    /** Questions per pass at {@code concurrent}: enough for a steady rate at low concurrency, one wave at 200. */
    static int size(int concurrent) {
        return Math.max(20, Math.min(200, 10 * concurrent));
    }

    /** What the cost of embedding every quotable statement at ingest would be, against embedding the chunks. */
    private static String ingestCost(ConfigurableApplicationContext app, String topicId) {
        Retriever retriever = app.getBean(Retriever.class);
        EmbeddingModel model = app.getBean(EmbeddingModel.class);
        List<RetrievedChunk> chunks = retriever.search(new SearchRequest("redis", retriever.embedQuery("redis"),
                Scope.topic(topicId), SearchRequest.Mode.DENSE, true, 100_000, false));
        List<String> passages = chunks.stream().map(RetrievedChunk::text).toList();
        List<String> statements = chunks.stream().flatMap(c -> CandidateTexts.of(c).stream()).toList();
        model.embed(passages.subList(0, Math.min(8, passages.size())));   // warm-up
        long start = System.nanoTime();
        model.embed(passages);
        double chunkSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        model.embed(statements);
        double statementSeconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, """
                | embedding the topic's … | texts | seconds | texts/s |
                |---|---|---|---|
                | chunks (what ingest embeds) | %d | %.1f | %.1f |
                | quotable statements (what the sentence cache holds) | %d | %.1f | %.1f |

                Embedding every statement at ingest would add %.0f %% to the chunks' embedding time.
                """, passages.size(), chunkSeconds, passages.size() / chunkSeconds, statements.size(),
                statementSeconds, statements.size() / statementSeconds, 100 * statementSeconds / chunkSeconds);
    }

    private static String topic(ConfigurableApplicationContext app) {
        return AnswerFixture.ensure(app.getBean(RoadmapImporter.class), app.getBean(IngestRun.class),
                app.getBean(RoadmapQueries.class));
    }

    private static WebClient client(ConfigurableApplicationContext app) {
        return WebClient.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
    }

    /** The app offline; {@code cachedVectors} bounds the sentence cache ({@code null}: the default). */
    private static ConfigurableApplicationContext start(MirrorServer mirror, String cachedVectors) {
        Map<String, Object> properties = new HashMap<>(mirror.fetchProperties());
        if (cachedVectors != null) {
            properties.put("groundwork.generation.sentence-cache-vectors", cachedVectors);
        }
        properties.put("groundwork.limits.answers", "1000000");
        properties.put("spring.datasource.hikari.maximum-pool-size", "20");
        properties.put("groundwork.blocking.jdbc-threads", "20");
        return BenchApp.start(TestDatabase.get(), properties);
    }

    /** One pass: every question asked once, {@code concurrent} at a time, each read to its end. */
    record Pass(List<Answer> answers, List<Double> firstTokenMs, double seconds, CpuMeter.Used cpu) {

        /** What an answer said: its text and its citations (number and chunk id, in order). */
        record Answer(String text, String citations) {
        }

        private record Timed(int index, Answer answer, double firstTokenMs) {
        }

        static Pass run(WebClient client, CpuMeter meter, String topicId, List<String> questions, int concurrent) {
            CpuMeter.Reading before = meter.read();
            long start = System.nanoTime();
            List<Timed> timed = Flux.range(0, questions.size())
                    .flatMap(i -> ask(client, topicId, i, questions.get(i)), concurrent)
                    .collectList().block(Duration.ofMinutes(15));
            double seconds = (System.nanoTime() - start) / 1e9;
            CpuMeter.Used cpu = meter.since(before);
            List<Timed> ordered = new ArrayList<>(timed);
            ordered.sort((a, b) -> Integer.compare(a.index(), b.index()));
            return new Pass(ordered.stream().map(Timed::answer).toList(),
                    ordered.stream().map(Timed::firstTokenMs).toList(), seconds, cpu);
        }

        String row(String cache, int concurrent) {
            double jvm = cpu.jvmMs() / answers.size();
            double database = cpu.databaseMs() / answers.size();
            return String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.0f / %.0f | %.0f + %.0f = %.0f | %.0f |",
                    cache, concurrent, answers.size(), answers.size() / seconds, BenchApp.percentile(firstTokenMs, 50),
                    BenchApp.percentile(firstTokenMs, 95), jvm, database, jvm + database,
                    2000 / (jvm + database));
        }

        private static Mono<Timed> ask(WebClient client, String topicId, int index, String question) {
            return Mono.defer(() -> {
                long start = System.nanoTime();
                double[] first = {Double.NaN};
                return client.post().uri("/api/answers").contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.TEXT_EVENT_STREAM)
                        .bodyValue(Map.of("question", question, "topicId", topicId))
                        .retrieve().bodyToFlux(EVENT)
                        .filter(e -> e.event() != null)
                        .doOnNext(e -> {
                            if ("token".equals(e.event()) && Double.isNaN(first[0])) {
                                first[0] = (System.nanoTime() - start) / 1e6;
                            }
                        })
                        .collectList()
                        .map(events -> new Timed(index, answer(events), first[0]));
            });
        }

        private static Answer answer(List<ServerSentEvent<Map<String, Object>>> events) {
            if (events.isEmpty() || !"done".equals(events.get(events.size() - 1).event())) {
                throw new IllegalStateException("an answer did not complete: " + events);
            }
            String text = events.stream().filter(e -> "token".equals(e.event()))
                    .map(e -> (String) e.data().get("text")).collect(Collectors.joining());
            String citations = events.stream().filter(e -> "citation".equals(e.event()))
                    .map(e -> e.data().get("n") + "=" + e.data().get("chunkId")).collect(Collectors.joining(" "));
            return new Answer(text, citations);
        }
    }

    /** Distinct questions about the topic, handed out once each (a fixed shuffle of subjects times phrasings). */
    static final class Questions {

        private static final List<String> SUBJECTS = List.of("redis-cli", "the SET command", "the GET command",
                "hashes", "JSON documents", "vector search", "a search index", "full-text queries",
                "retrieval augmented generation", "LangChain", "Redis Cloud", "Redis Stack", "Docker images",
                "key expiration", "time to live", "sorted sets", "lists", "streams", "pub/sub", "transactions",
                "pipelining", "persistence", "replication", "clustering", "LRU eviction", "LFU eviction",
                "cache-aside", "connection pools", "client libraries", "the Python client", "the Java client",
                "Node.js", "data modeling", "indexing fields", "tag fields", "numeric ranges", "geospatial queries",
                "embeddings", "similarity search", "FT.SEARCH", "FT.CREATE", "HNSW indexes", "FLAT indexes",
                "semantic caching", "session storage", "rate limiting", "leaderboards", "counters", "bitmaps",
                "memory usage");
        private static final List<String> PHRASINGS = List.of("What is %s in Redis?", "How do I use %s?",
                "When should I choose %s?", "Explain %s with an example.", "What are the limits of %s?",
                "How does %s work under the hood?", "Why would a team adopt %s?",
                "What does %s cost in memory or latency?", "How do I get started with %s?",
                "Which commands relate to %s?", "What mistakes do beginners make with %s?",
                "How do I try %s locally?", "How does %s compare with the alternatives?", "How is %s configured?");

        private final List<String> all = new ArrayList<>();
        private final Map<Integer, List<String>> baseline = new HashMap<>();
        private int next;

        Questions() {
            for (String phrasing : PHRASINGS) {
                for (String subject : SUBJECTS) {
                    all.add(String.format(Locale.ROOT, phrasing, subject));
                }
            }
            Collections.shuffle(all, new Random(12));
        }

        /** The questions of the baseline's pass at {@code concurrent}, asked again by the cold pass. */
        List<String> baseline(int concurrent) {
            return baseline.computeIfAbsent(concurrent, c -> next(size(c)));
        }

        /** {@code count} questions never handed out before. */
        List<String> next(int count) {
            if (next + count > all.size()) {
                throw new IllegalStateException("out of distinct questions");
            }
            List<String> out = List.copyOf(all.subList(next, next + count));
            next += count;
            return out;
        }
    }
}
