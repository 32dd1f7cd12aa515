package dev.groundwork.api.flashcard;

import dev.groundwork.api.GroundworkApplication;
import dev.groundwork.api.generation.KeyTerms;
import dev.groundwork.api.retrieval.Passages;
import dev.groundwork.api.retrieval.Scope;
import dev.groundwork.ingest.mirror.MirrorServer;
import dev.groundwork.ingest.pipeline.IngestListener;
import dev.groundwork.ingest.pipeline.IngestRun;
import dev.groundwork.ingest.pipeline.RoadmapImporter;
import dev.groundwork.ingest.roadmap.Topic;
import dev.groundwork.ingest.store.RoadmapQueries;
import dev.groundwork.ingest.store.StoredRoadmap;
import dev.groundwork.ingest.testdb.TestDatabase;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Offline card quality and speed on the seed roadmaps (a command, not a test): the five seeds are ingested from the
 * offline mirror with the real embedding model, then {@code POST /api/topics/{id}/cards/generate} asks for 10 offline
 * cards on every topic. Prints per roadmap: topics with cards over topics with sources, the share of roadmap concepts
 * (that the topic's sources mention) a card covers, the support check's verdicts, duplicates skipped, cards per
 * second and generation latency; then a second run over one roadmap (duplicates), the support check's calibration,
 * and 20 random cards with their quotes for a person to read. Run: {@code scripts/bench.sh cards}.
 */
public final class CardsBench {

    static final String[] SEEDS = {"000_72930f71c79b6e62.txt", "001_1a123edda492b329.txt",
            "002_b3a40b5122b0f3e3.txt", "003_0efd650f91282031.txt", "004_f81cf6d221e2f740.txt"};
    static final int COUNT = 10;
    static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() {
            };

    /** What one topic's generation gave. */
    record Run(Topic topic, int ownChunks, List<Map<String, Object>> cards, Map<String, Integer> skipped,
            double seconds) {
    }

    public static void main(String[] args) throws Exception {
        try (MirrorServer mirror = MirrorServer.start(); ConfigurableApplicationContext app = start(mirror)) {
            RoadmapImporter importer = app.getBean(RoadmapImporter.class);
            IngestRun ingest = app.getBean(IngestRun.class);
            RoadmapQueries roadmaps = app.getBean(RoadmapQueries.class);
            Passages passages = app.getBean(Passages.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            CardProperties properties = app.getBean(CardProperties.class);
            WebClient service = WebClient.builder()
                    .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                    .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();

            long ingestStart = System.nanoTime();
            List<String> ids = new ArrayList<>();
            for (String seed : SEEDS) {
                try (InputStream in = CardsBench.class.getResourceAsStream("/roadmap/" + seed)) {
                    ids.add(importer.importDocument(in.readAllBytes(), seed).roadmap().id());
                }
            }
            for (String id : ids) {
                ingest.run(id, IngestListener.NONE);
            }
            System.out.printf(Locale.ROOT, "Ingested %d roadmaps in %.0f s%n", ids.size(),
                    (System.nanoTime() - ingestStart) / 1e9);

            Map<String, List<Run>> byRoadmap = new LinkedHashMap<>();
            String only = System.getProperty("bench.roadmaps");
            for (String id : ids) {
                if (only != null && !only.contains(String.valueOf(ids.indexOf(id)))) {
                    continue;
                }
                StoredRoadmap roadmap = roadmaps.find(id).orElseThrow();
                List<Run> runs = new ArrayList<>();
                for (Topic topic : all(roadmap.topics())) {
                    int own = passages.countOfSources(Scope.topic(topic.id()));
                    runs.add(generate(service, topic, own));
                }
                byRoadmap.put(roadmap.summary().title(), runs);
            }
            report(byRoadmap, jdbc, properties.thinSources());

            StoredRoadmap first = roadmaps.find(ids.get(0)).orElseThrow();
            int added = 0;
            int duplicates = 0;
            for (Topic topic : all(first.topics())) {
                Run again = generate(service, topic, 0);
                added += again.cards().size();
                duplicates += again.skipped().getOrDefault("duplicate", 0);
            }
            System.out.printf(Locale.ROOT, "%nSecond run over \"%s\": %d new cards, %d duplicates skipped;"
                    + " learner cards with the same normalised text: %d%n", first.summary().title(), added, duplicates,
                    jdbc.sql("SELECT count(*) FROM (SELECT dedup_key FROM card WHERE deleted_at IS NULL"
                            + " GROUP BY learner_id, roadmap_id, dedup_key HAVING count(*) > 1) d")
                            .query(Integer.class).single());

            calibrate(byRoadmap, app.getBean(EmbeddingModel.class));
            sample(byRoadmap);
        }
    }

    private static Run generate(WebClient service, Topic topic, int ownChunks) {
        long start = System.nanoTime();
        List<ServerSentEvent<Map<String, Object>>> events = service.post()
                .uri("/api/topics/" + topic.id() + "/cards/generate").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM).bodyValue(Map.of("count", COUNT))
                .retrieve().bodyToFlux(EVENT).filter(e -> e.event() != null)
                .collectList().block(Duration.ofMinutes(2));
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Map<String, Object>> cards = new ArrayList<>();
        Map<String, Integer> skipped = new HashMap<>();
        for (ServerSentEvent<Map<String, Object>> event : events) {
            if ("card".equals(event.event())) {
                cards.add(event.data());
            } else if ("skipped".equals(event.event())) {
                skipped.merge((String) event.data().get("reason"), 1, Integer::sum);
            } else if ("failed".equals(event.event())) {
                throw new IllegalStateException("generation failed on " + topic.title() + ": " + event.data());
            }
        }
        return new Run(topic, ownChunks, cards, skipped, seconds);
    }

    private static void report(Map<String, List<Run>> byRoadmap, JdbcClient jdbc, int thin) {
        System.out.printf(Locale.ROOT, "%n| roadmap | topics with sources: with cards | all topics: with cards | "
                + "concepts in sources: with a card of the topic | with a card of the roadmap | support check (accepted /"
                + " checked) | duplicates skipped | cards | cards/s | p50 / p95 per topic (s) |%n"
                + "|---|---|---|---|---|---|---|---|---|---|%n");
        List<Double> allSeconds = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        int[] totals = new int[9];
        for (Map.Entry<String, List<Run>> entry : byRoadmap.entrySet()) {
            List<Run> runs = entry.getValue();
            int withSources = 0;
            int withSourcesAndCards = 0;
            int withCards = 0;
            int conceptsInSources = 0;
            int conceptsCovered = 0;
            int conceptsInRoadmap = 0;
            List<String> roadmapContents = new ArrayList<>();
            runs.forEach(run -> run.cards().forEach(card -> roadmapContents.add(content(card))));
            int unsupported = 0;
            int duplicates = 0;
            int cards = 0;
            double seconds = 0;
            List<Double> latencies = new ArrayList<>();
            for (Run run : runs) {
                boolean sources = run.ownChunks() > 0;
                withSources += sources ? 1 : 0;
                withCards += run.cards().isEmpty() ? 0 : 1;
                withSourcesAndCards += sources && !run.cards().isEmpty() ? 1 : 0;
                unsupported += run.skipped().getOrDefault("unsupported", 0);
                duplicates += run.skipped().getOrDefault("duplicate", 0);
                cards += run.cards().size();
                seconds += run.seconds();
                latencies.add(run.seconds());
                for (String line : run.topic().concepts()) {
                    List<String> terms = KeyTerms.of(line);
                    if (terms.isEmpty() || !mentioned(jdbc, run.topic().id(), terms, run.ownChunks() < thin)) {
                        continue;
                    }
                    conceptsInSources++;
                    boolean covered = run.cards().stream().anyMatch(card -> terms.stream()
                            .anyMatch(term -> KeyTerms.mentions(content(card), term)));
                    conceptsCovered += covered ? 1 : 0;
                    boolean inRoadmap = roadmapContents.stream().anyMatch(content -> terms.stream()
                            .anyMatch(term -> KeyTerms.mentions(content, term)));
                    conceptsInRoadmap += inRoadmap ? 1 : 0;
                    if (!inRoadmap) {
                        uncovered.add(entry.getKey() + " / " + run.topic().title() + ": " + line + " " + terms);
                    }
                }
                if (sources && run.cards().isEmpty()) {
                    missing.add(entry.getKey() + " / " + run.topic().title() + " (" + run.ownChunks() + " chunks, skipped "
                            + run.skipped() + ")");
                }
            }
            allSeconds.addAll(latencies);
            int[] row = {withSources, withSourcesAndCards, withCards, conceptsInSources, conceptsCovered, unsupported,
                    duplicates, cards, conceptsInRoadmap};
            for (int i = 0; i < row.length; i++) {
                totals[i] += row[i];
            }
            System.out.printf(Locale.ROOT, "| %s | %d / %d | %d / %d | %d / %d (%.0f%%) | %d (%.0f%%) | %d / %d | %d | %d |"
                            + " %.1f | %.2f / %.2f |%n", entry.getKey(), withSourcesAndCards, withSources, withCards,
                    runs.size(), conceptsCovered, conceptsInSources, pct(conceptsCovered, conceptsInSources),
                    conceptsInRoadmap, pct(conceptsInRoadmap, conceptsInSources), cards,
                    cards + unsupported, duplicates, cards, cards / seconds, percentile(latencies, 50),
                    percentile(latencies, 95));
        }
        System.out.printf(Locale.ROOT, "| all | %d / %d | %d | %d / %d (%.0f%%) | %d (%.0f%%) | %d / %d | %d | %d | |"
                        + " %.2f / %.2f |%n", totals[1], totals[0], totals[2], totals[4], totals[3],
                pct(totals[4], totals[3]), totals[8], pct(totals[8], totals[3]), totals[7], totals[7] + totals[5],
                totals[6], totals[7], percentile(allSeconds, 50), percentile(allSeconds, 95));
        missing.forEach(topic -> System.out.println("Topic with sources but no card: " + topic));
        if (Boolean.getBoolean("bench.uncovered")) {
            uncovered.forEach(line -> System.out.println("Concept in sources without a card: " + line));
        }
    }

    /**
     * Whether the topic's sources mention one of a concept line's terms: its own sources' chunks, or — for a topic
     * whose own sources are thin, which draws on the whole knowledge base — any source chunk.
     */
    private static boolean mentioned(JdbcClient jdbc, String topicId, List<String> terms, boolean global) {
        for (String term : terms) {
            boolean exact = term.equals(term.toUpperCase(Locale.ROOT)) && term.length() > 1;   // an acronym, as written
            String like = "%" + (exact ? term : term.toLowerCase(Locale.ROOT)).replace("%", "\\%").replace("_", "\\_")
                    + "%";
            String content = exact ? "c.content" : "lower(c.content)";
            String sql = global
                    ? "SELECT EXISTS (SELECT 1 FROM chunks c WHERE c.resource_id IS NOT NULL AND " + content + " LIKE ?)"
                    : """
                    SELECT EXISTS (SELECT 1 FROM chunks c WHERE c.resource_id IN (
                        SELECT tr.resource_id FROM topic_resource tr WHERE tr.topic_id IN (
                            WITH RECURSIVE sub(id) AS (SELECT id FROM topic WHERE id = ?::uuid
                                UNION ALL SELECT t.id FROM topic t JOIN sub ON t.parent_id = sub.id)
                            SELECT id FROM sub)) AND """ + " " + content + " LIKE ?)";
            boolean found = global ? jdbc.sql(sql).param(like).query(Boolean.class).single()
                    : jdbc.sql(sql).params(topicId, like).query(Boolean.class).single();
            if (found) {
                return true;
            }
        }
        return false;
    }

    /**
     * The support check against pairs with known answers: each card's claim with its own quote (supported) and with
     * the quote of another card of the same roadmap (not supported), embedded with the real model.
     */
    private static void calibrate(Map<String, List<Run>> byRoadmap, EmbeddingModel model) {
        List<Map<String, Object>> cards = new ArrayList<>();
        byRoadmap.values().forEach(runs -> runs.forEach(run -> cards.addAll(run.cards())));
        Random random = new Random(7);
        Collections.shuffle(cards, random);
        List<Map<String, Object>> sample = cards.subList(0, Math.min(300, cards.size()));
        double[][] thresholds = {{0.7, 0.4, 0.75}, {0.6, 0.3, 0.7}, {0.8, 0.5, 0.8}, {0.5, 0.3, 0.65}};
        System.out.printf(Locale.ROOT, "%nSupport check on %d cards: claim vs own quote (should pass) and vs another"
                + " card's quote (should fail)%n| coverage / partial / similarity | own quote passes | other quote passes |"
                + "%n|---|---|---|%n", sample.size());
        List<float[]> claims = model.embed(sample.stream().map(CardsBench::claim).toList());
        List<float[]> quotes = model.embed(sample.stream().map(CardsBench::quote).toList());
        for (double[] t : thresholds) {
            SupportCheck check = new SupportCheck(t[0], t[1], t[2]);
            int own = 0;
            int other = 0;
            for (int i = 0; i < sample.size(); i++) {
                Map<String, Object> card = sample.get(i);
                int j = (i + 1 + random.nextInt(sample.size() - 1)) % sample.size();
                CardType type = CardType.of((String) card.get("type")).orElseThrow();
                String front = (String) card.get("front");
                String back = (String) card.get("back");
                String text = (String) card.get("text");
                own += check.judge(type, front, back, text, quote(card), quote(card), claims.get(i), quotes.get(i))
                        .supported() ? 1 : 0;
                other += check.judge(type, front, back, text, quote(sample.get(j)), quote(sample.get(j)),
                        claims.get(i), quotes.get(j)).supported() ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "| %.2f / %.2f / %.2f%s | %.1f%% | %.1f%% |%n", t[0], t[1], t[2],
                    t == thresholds[0] ? " (default)" : "", pct(own, sample.size()), pct(other, sample.size()));
        }
    }

    private static void sample(Map<String, List<Run>> byRoadmap) {
        List<Map<String, Object>> cards = new ArrayList<>();
        byRoadmap.values().forEach(runs -> runs.forEach(run -> cards.addAll(run.cards())));
        Collections.shuffle(cards, new Random(42));
        System.out.printf(Locale.ROOT, "%n20 random cards of %d:%n", cards.size());
        for (Map<String, Object> card : cards.subList(0, Math.min(20, cards.size()))) {
            Map<?, ?> anchor = (Map<?, ?>) card.get("anchor");
            System.out.printf(Locale.ROOT, "%n[%s] %s%n  front: %s%n  back:  %s%n  quote: %s%n  from:  %s %s%n",
                    card.get("type"), card.get("topicTitle"),
                    card.get("front") == null ? card.get("text") : card.get("front"),
                    card.get("back"), flat((String) anchor.get("quote")), anchor.get("resourceUrl"),
                    anchor.get("headingPath"));
        }
    }

    private static String content(Map<String, Object> card) {
        CardType type = CardType.of((String) card.get("type")).orElseThrow();
        return CardText.content(type, (String) card.get("front"), (String) card.get("back"), (String) card.get("text"));
    }

    private static String claim(Map<String, Object> card) {
        CardType type = CardType.of((String) card.get("type")).orElseThrow();
        return SupportCheck.claim(type, (String) card.get("back"), (String) card.get("text"));
    }

    private static String quote(Map<String, Object> card) {
        return (String) ((Map<?, ?>) card.get("anchor")).get("quote");
    }

    private static List<Topic> all(List<Topic> roots) {
        List<Topic> out = new ArrayList<>();
        for (Topic topic : roots) {
            out.add(topic);
            out.addAll(all(topic.children()));
        }
        return out;
    }

    private static String flat(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 297) + "…";
    }

    private static double pct(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static double percentile(List<Double> values, int percentile) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /**
     * A fresh test database, or with {@code -Dbench.db=<database name>} a kept one on the test server: a second run
     * then finds the seeds ingested (nothing changed, nothing embedded) and starts from no cards.
     */
    private static ConfigurableApplicationContext start(MirrorServer mirror) throws Exception {
        String kept = System.getProperty("bench.db");
        String url;
        String user;
        String password;
        if (kept == null) {
            TestDatabase db = TestDatabase.get();
            url = db.jdbcUrl();
            user = db.username();
            password = db.password();
        } else {
            String server = System.getenv(TestDatabase.URL_VARIABLE);
            user = System.getenv("GROUNDWORK_TEST_DB_USER");
            password = System.getenv("GROUNDWORK_TEST_DB_PASSWORD");
            try (var admin = java.sql.DriverManager.getConnection(server, user, password);
                    var sql = admin.createStatement()) {
                var exists = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + kept.replace("'", "")
                        + "'");
                if (!exists.next()) {
                    sql.execute("CREATE DATABASE " + kept);
                }
            }
            url = server.replaceFirst("/[^/?]*(\\?|$)", "/" + kept + "$1");
            try (var db = java.sql.DriverManager.getConnection(url, user, password); var sql = db.createStatement()) {
                sql.execute("CREATE EXTENSION IF NOT EXISTS vector");
                sql.execute("DO $$ BEGIN IF to_regclass('card') IS NOT NULL THEN DELETE FROM card_item; DELETE FROM card;"
                        + " END IF; END $$");
            }
        }
        Map<String, Object> properties = new HashMap<>(mirror.fetchProperties());
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password);
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("groundwork.ingest.background", "false");
        properties.put("spring.ai.model.chat", "none");
        properties.put("logging.level.root", "WARN");
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplication(GroundworkApplication.class).run(args);
    }
}
