package dev.groundwork.api.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.flashcard.CardExchange;
import dev.groundwork.api.ingestion.IngestionService;
import dev.groundwork.api.testing.TestClock;
import dev.groundwork.api.testing.TwoLearners;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.pipeline.IngestListener;
import dev.groundwork.ingest.pipeline.IngestRun;
import dev.groundwork.ingest.pipeline.RoadmapImporter;
import dev.groundwork.ingest.pipeline.StageTimer;
import dev.groundwork.ingest.store.RoadmapQueries;
import dev.groundwork.ingest.testdb.TestDatabase;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Scheduled freshness against a site on 127.0.0.1 whose pages change between checks. The scheduler is driven by hand:
 * the test clock moves a week at once and {@link RefreshScheduler#tick()} is called; the background thread's own
 * tick is an hour away. Jobs are worked by {@link IngestRun#drain} (no background workers), so every step is
 * deterministic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groundwork.ingest.background=false",
        "groundwork.fetch.allowed-private-hosts[0]=127.0.0.1",
        "groundwork.fetch.per-host-delay=0ms",
        "groundwork.refresh.enabled=true",
        "groundwork.refresh.tick=1h"})
@AutoConfigureWebTestClient(timeout = "PT90S")
@Import({RefreshIT.OwnDatabase.class, HashingEmbeddingConfiguration.class, TwoLearners.class, TestClock.class})
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RefreshIT {

    /** A database of its own: a tick checks every due roadmap, and other classes' roadmaps are not this test's. */
    @TestConfiguration(proxyBeanMethods = false)
    static class OwnDatabase {

        @Bean
        JdbcConnectionDetails refreshDatabase() {
            return TestDatabaseConfiguration.connectionTo(TestDatabase.named("refresh"));
        }
    }

    static final Duration WEEK_AND_A_DAY = Duration.ofDays(8);
    static final String V1 = ChangingSite.page("Cache guide", """
            <h2>Eviction</h2><p>An eviction policy is a rule that decides which entry leaves a full cache first.</p>
            <h2>Recency</h2><p>LRU is a policy that evicts the least recently used entry first.</p>
            <h2>Frequency</h2><p>LFU is a counting policy that removes whichever entry was read the fewest times.</p>
            """);
    static final String V2 = ChangingSite.page("Cache guide", """
            <h2>Why cache</h2><p>Caches keep copies of hot data close to the code that reads it, trading memory for
            latency.</p>
            <h2>Eviction</h2><p>An eviction policy is a rule that decides which entry leaves a full cache first.</p>
            <h2>Recency</h2><p>LRU is a policy that evicts the least recently used entry first.</p>
            <h2>Frequency</h2><p>LFU evicts the entry with the fewest uses since it was cached.</p>
            """);
    static final ChangingSite SITE = new ChangingSite();
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @AfterAll
    static void stop() {
        SITE.close();
    }

    @Autowired
    WebTestClient http;
    @Autowired
    RoadmapImporter importer;
    @Autowired
    IngestRun run;
    @Autowired
    RoadmapQueries roadmaps;
    @Autowired
    RefreshScheduler scheduler;
    @Autowired
    RefreshClaims claims;
    @Autowired
    IngestionService ingestion;
    @Autowired
    CardExchange cards;
    @Autowired
    RefreshProperties properties;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RefreshListener listener;

    /** Each test's roadmaps stay out of the next test's ticks. */
    @AfterEach
    void switchOff() {
        jdbc.sql("UPDATE roadmap SET refresh_enabled = false").update();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aScheduledCheckMarksStaleTheCardsWhoseQuoteIsGoneForEveryLearner() {
        String url = SITE.put("/stale.html", V1);
        String roadmapId = ingested("Stale on schedule", url);
        String topicId = roadmaps.find(roadmapId).orElseThrow().topics().get(0).id();
        List<Map<String, Object>> ofA = Generated.cards(http, topicId, null);
        Map<String, Object> lfuA = byQuote(ofA, "LFU is a counting policy");
        Map<String, Object> lruA = byQuote(ofA, "LRU is a policy");
        Map<String, Object> lfuB = byQuote(Generated.cards(http, topicId, "b"), "LFU is a counting policy");
        assertThat(scheduler.tick()).as("not due a day after import").doesNotContain(roadmapId);

        SITE.put("/stale.html", V2);
        TestClock.advance(WEEK_AND_A_DAY);
        assertThat(scheduler.tick()).contains(roadmapId);
        drain();
        scheduler.tick();

        // read from the table, not through the API (reading cards reconciles them too): the check did it
        assertThat(stale(lfuA)).contains("no longer in it");
        assertThat(stale(lfuB)).as("learner b's card on the same passage").contains("no longer in it");
        assertThat(stale(lruA)).as("its quote is still there: re-anchored").isNull();
        assertThat(jdbc.sql("SELECT anchor_chunk_id::text FROM card WHERE id = ?::uuid").param(lruA.get("id"))
                .query(String.class).single()).isNotEqualTo(((Map<String, Object>) lruA.get("anchor")).get("chunkId"));

        Map<String, Object> freshness = freshness(roadmapId, null);
        Map<String, Object> last = (Map<String, Object>) freshness.get("last");
        assertThat(last).containsEntry("trigger", "schedule").containsEntry("checked", 1)
                .containsEntry("changed", 1).containsEntry("unchanged", 0).containsEntry("failed", 0);
        assertThat((List<Map<String, Object>>) last.get("changedResources")).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("url", url).containsEntry("title", "Cache guide"));
        assertThat(freshness.get("nextCheckAt")).isEqualTo(TestClock.now().plus(Duration.ofDays(7)).toString());
        assertThat(freshness.get("running")).isNull();
        assertThat(freshness(roadmapId, "b")).as("shared data: the same for every learner").isEqualTo(freshness);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnchangedSourceIsAskedConditionallyRecordedUnchangedAndNotRewritten() {
        String url = SITE.put("/same.html", V1);
        String roadmapId = ingested("Same on schedule", url);
        List<String> chunksBefore = chunkIds(url);
        int notModified = SITE.notModified();

        TestClock.advance(WEEK_AND_A_DAY);
        assertThat(scheduler.tick()).contains(roadmapId);
        drain();
        scheduler.tick();

        assertThat(SITE.notModified()).as("the re-fetch sent its ETag and got 304").isEqualTo(notModified + 1);
        assertThat(chunkIds(url)).isEqualTo(chunksBefore);
        Map<String, Object> last = (Map<String, Object>) freshness(roadmapId, null).get("last");
        assertThat(last).containsEntry("checked", 1).containsEntry("unchanged", 1).containsEntry("changed", 0);
        assertThat((List<Object>) last.get("changedResources")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSourceThatIsGoneIsRecordedFailedAndKeepsItsChunks() {
        String url = SITE.put("/gone.html", V1);
        String roadmapId = ingested("Gone on schedule", url);
        List<String> chunksBefore = chunkIds(url);

        SITE.remove("/gone.html");
        TestClock.advance(WEEK_AND_A_DAY);
        assertThat(scheduler.tick()).contains(roadmapId);
        drain();
        scheduler.tick();

        Map<String, Object> last = (Map<String, Object>) freshness(roadmapId, null).get("last");
        assertThat(last).containsEntry("checked", 1).containsEntry("failed", 1).containsEntry("changed", 0);
        assertThat((List<Map<String, Object>>) last.get("failedResources")).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("url", url).containsEntry("title", "Cache guide")
                        .extractingByKey("reason").asString().contains("404"));
        assertThat(chunkIds(url)).isEqualTo(chunksBefore);
    }

    @Test
    void twoInstancesTickingAtOnceCheckADueRoadmapOnce() throws Exception {
        String url = SITE.put("/twice.html", V1);
        String roadmapId = ingested("Checked once", url);
        RefreshScheduler other = new RefreshScheduler(claims, ingestion, cards, properties, clock);
        for (int round = 0; round < 3; round++) {
            TestClock.advance(WEEK_AND_A_DAY);
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<List<String>> a = CompletableFuture.supplyAsync(() -> tickAfter(go, scheduler));
            CompletableFuture<List<String>> b = CompletableFuture.supplyAsync(() -> tickAfter(go, other));
            go.countDown();
            List<String> started = new ArrayList<>(a.get(30, TimeUnit.SECONDS));
            started.addAll(b.get(30, TimeUnit.SECONDS));
            assertThat(started).as("round " + round).containsOnlyOnce(roadmapId);
            assertThat(jdbc.sql("SELECT count(*) FROM ingest_job WHERE roadmap_id = ? AND state = 'queued'")
                    .param(roadmapId).query(Integer.class).single()).as("its resource and its topics, once").isEqualTo(2);
            drain();
            scheduler.tick();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM roadmap_refresh WHERE roadmap_id = ?").param(roadmapId)
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void aRoadmapsOwnIntervalAndSwitchDecideWhenItIsChecked() {
        String roadmapId = ingested("Own interval", SITE.put("/interval.html", V1));
        put(roadmapId, "{\"enabled\": true, \"interval\": \"P1D\"}").expectStatus().isOk().expectBody()
                .jsonPath("$.interval").isEqualTo("PT24H").jsonPath("$.defaultInterval").isEqualTo(false);
        TestClock.advance(Duration.ofDays(2));
        assertThat(scheduler.tick()).contains(roadmapId);
        drain();
        scheduler.tick();

        put(roadmapId, "{\"enabled\": false, \"interval\": \"P1D\"}").expectStatus().isOk().expectBody()
                .jsonPath("$.enabled").isEqualTo(false).jsonPath("$.nextCheckAt").doesNotExist();
        TestClock.advance(Duration.ofDays(30));
        assertThat(scheduler.tick()).as("switched off").doesNotContain(roadmapId);

        put(roadmapId, "{\"enabled\": true, \"interval\": null}").expectStatus().isOk().expectBody()
                .jsonPath("$.defaultInterval").isEqualTo(true).jsonPath("$.interval").isEqualTo("PT168H");
        assertThat(scheduler.tick()).as("a week after its last check, long past").contains(roadmapId);
        drain();
        scheduler.tick();
    }

    @Test
    void badSettingsAreProblemsAndChangeNothing() {
        String roadmapId = importOnly("Bad settings", SITE.url("/never.html"));
        Map<String, Object> before = freshness(roadmapId, null);
        for (String body : List.of("{\"enabled\": true, \"interval\": \"weekly\"}",
                "{\"enabled\": true, \"interval\": \"PT1M\"}", "{\"enabled\": true, \"interval\": \"P4000D\"}",
                "{\"interval\": \"P7D\"}", "{\"enabled\": \"sometimes\"}", "not json")) {
            put(roadmapId, body).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isNotEmpty();
        }
        put("no-such-roadmap", "{\"enabled\": false}").expectStatus().isNotFound();
        http.post().uri("/api/roadmaps/no-such-roadmap/refresh").exchange().expectStatus().isNotFound();
        assertThat(freshness(roadmapId, null)).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void checkNowStartsACheckThatFinishesWhenItsLastJobDoes() throws InterruptedException {
        String roadmapId = ingested("Checked by hand", SITE.put("/now.html", V1));
        http.post().uri("/api/roadmaps/" + roadmapId + "/refresh").exchange().expectStatus().isAccepted()
                .expectBody().jsonPath("$.running").isNotEmpty().jsonPath("$.last").doesNotExist();
        // the app's workers tell the listener; no tick is needed to finish the check (settle: 1 s after the last job)
        run.drain(null, "refresh-it", listener, new StageTimer(), new AtomicInteger());
        Map<String, Object> freshness = freshness(roadmapId, null);
        for (int i = 0; i < 300 && freshness.get("last") == null; i++) {   // finished on refresh-1: at most 30 s
            Thread.sleep(100);
            freshness = freshness(roadmapId, null);
        }
        assertThat((Map<String, Object>) freshness.get("last")).containsEntry("trigger", "manual")
                .containsEntry("checked", 1);
        assertThat(freshness.get("running")).isNull();
    }

    private static List<String> tickAfter(CountDownLatch go, RefreshScheduler scheduler) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return scheduler.tick();
    }

    private String importOnly(String title, String url) {
        return importer.importDocument(("# " + title + "\n## Week 1: Caches\n- Eviction policies, LRU, LFU\n- " + url
                + "\n").getBytes(StandardCharsets.UTF_8), title + ".md").roadmap().id();
    }

    private String ingested(String title, String url) {
        String roadmapId = importOnly(title, url);
        run.run(roadmapId, IngestListener.NONE);
        return roadmapId;
    }

    private void drain() {
        run.drain(null, "refresh-it", IngestListener.NONE, new StageTimer(), new AtomicInteger());
    }

    private String stale(Map<String, Object> card) {
        return jdbc.sql("SELECT stale ->> 'reason' FROM card WHERE id = ?").param(UUID.fromString((String) card.get("id")))
                .query(String.class).optional().orElse(null);
    }

    private List<String> chunkIds(String url) {
        return jdbc.sql("SELECT c.id::text FROM chunks c JOIN resource r ON r.id = c.resource_id WHERE r.url = ? ORDER BY 1")
                .param(url).query(String.class).list();
    }

    private Map<String, Object> freshness(String roadmapId, String learner) {
        WebTestClient.RequestHeadersSpec<?> request = http.get().uri("/api/roadmaps/" + roadmapId);
        if (learner != null) {
            request.header(TwoLearners.HEADER, learner);
        }
        Map<String, Object> view = request.exchange().expectStatus().isOk().expectBody(JSON).returnResult()
                .getResponseBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> freshness = (Map<String, Object>) view.get("freshness");
        return freshness;
    }

    private WebTestClient.ResponseSpec put(String roadmapId, String body) {
        return http.put().uri("/api/roadmaps/" + roadmapId + "/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> byQuote(List<Map<String, Object>> cards, String start) {
        return cards.stream().filter(c -> ((String) ((Map<String, Object>) c.get("anchor")).get("quote"))
                .startsWith(start)).findFirst().orElseThrow(() -> new AssertionError("no card quotes '" + start
                + "' among " + cards));
    }
}
