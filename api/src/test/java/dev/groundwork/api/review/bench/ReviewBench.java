package dev.groundwork.api.review.bench;

import dev.groundwork.api.review.fsrs.ItemState;
import dev.groundwork.api.review.fsrs.Rating;
import dev.groundwork.api.review.fsrs.Scheduler;
import dev.groundwork.api.review.fsrs.SchedulerSettings;
import dev.groundwork.api.review.fsrs.State;
import dev.groundwork.api.security.Learner;
import dev.groundwork.api.security.LearnerResolver;
import dev.groundwork.api.testing.BenchApp;
import dev.groundwork.ingest.testdb.TestDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reviewing under load (a command, not a test): 10,000 cards of 100 learners (a third new, the rest on the long-term
 * schedule, a share of those due), then the learners study at once through the real app — fetch the queue, grade the
 * first card, again — and, for comparison in the same run, one learner alone. Prints p50/p95 of the queue and of a
 * grade, and the scheduler's raw rate (schedules per second on one thread). Run: {@code scripts/bench.sh reviews}.
 */
public final class ReviewBench {

    static final int LEARNERS = Integer.getInteger("bench.learners", 100);
    static final int CARDS_PER_LEARNER = Integer.getInteger("bench.cards", 100);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 10);
    static final String HEADER = "X-Bench-Learner";
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    public static void main(String[] args) {
        double rate = schedulerRate();
        try (ConfigurableApplicationContext app = start()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            List<UUID> learners = seed(jdbc);
            WebClient http = WebClient.builder()
                    .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                    .codecs(c -> c.defaultCodecs().maxInMemorySize(4 << 20)).build();
            study(http, learners.subList(0, 10), 2);     // warm-up: JIT, pools
            Timings alone = study(http, learners.subList(0, 1), ROUNDS * 3);
            Timings crowd = study(http, learners, ROUNDS);
            System.out.println();
            System.out.printf(Locale.ROOT, "| learners at once | queue p50 / p95 (ms) | grade p50 / p95 (ms) | requests |%n"
                    + "|---|---|---|---|%n");
            row(1, alone);
            row(learners.size(), crowd);
            System.out.printf(Locale.ROOT, "%nScheduler alone: %,.0f schedules/s on one thread. %,d cards, %d cores.%n",
                    rate, LEARNERS * CARDS_PER_LEARNER, Runtime.getRuntime().availableProcessors());
        }
    }

    private static void row(int learners, Timings t) {
        System.out.printf(Locale.ROOT, "| %d | %.1f / %.1f | %.1f / %.1f | %d |%n", learners, pct(t.queue, 50),
                pct(t.queue, 95), pct(t.grade, 50), pct(t.grade, 95), t.queue.size() + t.grade.size());
    }

    record Timings(List<Double> queue, List<Double> grade) {
    }

    /** Every learner at once: {@code rounds} times, fetch the queue and grade its first card. */
    private static Timings study(WebClient http, List<UUID> learners, int rounds) {
        ConcurrentLinkedQueue<Double> queue = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> grade = new ConcurrentLinkedQueue<>();
        Flux.fromIterable(learners).flatMap(learner -> Flux.range(0, rounds)
                        .concatMap(round -> session(http, learner, round, queue, grade)), learners.size())
                .blockLast(Duration.ofMinutes(20));
        return new Timings(new ArrayList<>(queue), new ArrayList<>(grade));
    }

    @SuppressWarnings("unchecked")
    private static Mono<Void> session(WebClient http, UUID learner, int round, ConcurrentLinkedQueue<Double> queue,
            ConcurrentLinkedQueue<Double> grade) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return http.get().uri("/api/reviews/queue?limit=20").header(HEADER, learner.toString()).retrieve()
                    .bodyToMono(JSON)
                    .flatMap(body -> {
                        queue.add((System.nanoTime() - start) / 1e6);
                        List<Map<String, Object>> items = (List<Map<String, Object>>) body.get("items");
                        if (items.isEmpty()) {
                            return Mono.empty();
                        }
                        Map<String, Object> first = items.get(0);
                        String card = (String) ((Map<String, Object>) first.get("card")).get("id");
                        int ordinal = (Integer) ((Map<String, Object>) first.get("item")).get("ordinal");
                        String rating = Rating.values()[Math.floorMod(card.hashCode() + round, 4)].label();
                        long graded = System.nanoTime();
                        return http.post().uri("/api/cards/{id}/reviews", card).header(HEADER, learner.toString())
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("rating", rating, "reviewId", UUID.randomUUID().toString(),
                                        "ordinal", ordinal, "durationMs", 3000))
                                .retrieve().bodyToMono(JSON)
                                .doOnNext(ok -> grade.add((System.nanoTime() - graded) / 1e6)).then();
                    });
        });
    }

    /** Learners with cards: a third new, the rest in review with stabilities from days to months, some due. */
    private static List<UUID> seed(JdbcClient jdbc) {
        jdbc.sql("TRUNCATE card, review_settings CASCADE").update();
        jdbc.sql("INSERT INTO roadmap (id, title, content_hash, document, imported_at, updated_at) VALUES "
                + "('review-bench', 'Review bench', 'bench', '# Review bench', now(), now()) ON CONFLICT (id) DO NOTHING")
                .update();
        UUID topic = UUID.nameUUIDFromBytes("review-bench/topic".getBytes());
        jdbc.sql("""
                INSERT INTO topic (id, roadmap_id, key, position, kind, title, path)
                VALUES (?, 'review-bench', 'topic', 0, 'section', 'Everything', '["Everything"]')
                ON CONFLICT (id) DO NOTHING
                """).param(topic).update();
        SplittableRandom random = new SplittableRandom(7);
        Instant now = Instant.now();
        List<UUID> learners = new ArrayList<>();
        for (int l = 0; l < LEARNERS; l++) {
            UUID learner = UUID.nameUUIDFromBytes(("review-bench/learner/" + l).getBytes());
            learners.add(learner);
            jdbc.sql("INSERT INTO learner (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING")
                    .params(learner, "bench " + l).update();
            for (int c = 0; c < CARDS_PER_LEARNER; c++) {
                UUID card = UUID.randomUUID();
                Timestamp created = Timestamp.from(now.minus(Duration.ofDays(90)).plusSeconds(c));
                jdbc.sql("""
                        INSERT INTO card (id, learner_id, roadmap_id, topic_id, type, front, back, origin_kind,
                            dedup_key, created_at, updated_at)
                        VALUES (?, ?, 'review-bench', ?, 'basic', ?, ?, 'manual', ?, ?, ?)
                        """).params(card, learner, topic, "Question " + c + "?", "Answer " + c + ".", "q" + c,
                                created, created).update();
                boolean fresh = random.nextInt(3) == 0;
                double stability = 1 + random.nextDouble() * 90;
                Instant last = now.minus(Duration.ofHours(1 + random.nextInt(24 * 60)));
                Instant due = last.plus(Duration.ofDays(Math.max(1, Math.round(stability))));
                jdbc.sql("""
                        INSERT INTO card_item (id, card_id, learner_id, ordinal, created_at, state, stability, difficulty,
                            due, last_review, scheduled_days, reps, lapses)
                        VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                        """).params(UUID.randomUUID(), card, learner, created, fresh ? 0 : 2, fresh ? null : stability,
                                fresh ? null : 1 + random.nextDouble() * 9, fresh ? null : Timestamp.from(due),
                                fresh ? null : Timestamp.from(last), fresh ? 0 : Math.round(stability),
                                fresh ? 0 : 3).update();
            }
        }
        return learners;
    }

    /** Schedules per second of {@link Scheduler#next} alone, over varied states and grades, after a warm-up. */
    private static double schedulerRate() {
        Scheduler scheduler = new Scheduler(SchedulerSettings.DEFAULTS);
        SplittableRandom random = new SplittableRandom(11);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        double rate = 0;
        for (int pass = 0; pass < 3; pass++) {
            ItemState state = ItemState.NEW;
            Instant now = start;
            long schedules = 0;
            long began = System.nanoTime();
            while (System.nanoTime() - began < 1_000_000_000L) {
                for (int i = 0; i < 1000; i++) {
                    state = scheduler.next(state, Rating.ofGrade(1 + random.nextInt(4)), now, schedules);
                    now = state.due() == null ? now.plusSeconds(60) : state.due();
                    if (state.reps() > 30 || state.state() == State.RELEARNING && random.nextInt(5) == 0) {
                        state = ItemState.NEW;
                    }
                    schedules++;
                }
            }
            rate = schedules / ((System.nanoTime() - began) / 1e9);
        }
        return rate;
    }

    private static double pct(List<Double> values, int percentile) {
        return BenchApp.percentile(values, percentile);
    }

    /** Each request acts for the learner named by its {@value #HEADER} header (kept out of test contexts' scans). */
    @TestConfiguration(proxyBeanMethods = false)
    static class BenchLearners {

        @Bean
        @Primary
        LearnerResolver benchLearnerResolver() {
            return exchange -> Mono.justOrEmpty(exchange.getRequest().getHeaders().getFirst(HEADER))
                    .map(id -> new Learner(UUID.fromString(id), "bench"))
                    .defaultIfEmpty(Learner.LOCAL);
        }
    }

    private static ConfigurableApplicationContext start() {
        return BenchApp.start(TestDatabase.named("groundwork_bench_reviews"),
                Map.of("spring.datasource.hikari.maximum-pool-size", "20", "groundwork.blocking.jdbc-threads", "20"),
                BenchLearners.class);
    }
}
