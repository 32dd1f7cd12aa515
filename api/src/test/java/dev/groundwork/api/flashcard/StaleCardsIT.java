package dev.groundwork.api.flashcard;

import static dev.groundwork.api.flashcard.CardApiIT.expectProblem;
import static dev.groundwork.api.flashcard.CardStreams.cards;
import static dev.groundwork.api.flashcard.CardStreams.generate;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.groundwork.api.testing.TwoLearners;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.pipeline.IngestListener;
import dev.groundwork.ingest.pipeline.IngestRun;
import dev.groundwork.ingest.pipeline.RoadmapImporter;
import dev.groundwork.ingest.store.RoadmapQueries;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A source that changes under its cards: re-ingesting it re-anchors a card whose quote is still there and marks stale
 * the cards whose quote is gone, with the passage nearest to it now; a stale card is kept or regenerated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groundwork.ingest.background=false",
        "groundwork.fetch.allowed-private-hosts[0]=127.0.0.1",
        "groundwork.fetch.per-host-delay=0ms"})
@AutoConfigureWebTestClient(timeout = "PT90S")
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class, TwoLearners.class})
class StaleCardsIT {

    static final String V1 = page("""
            <h2>Eviction</h2><p>An eviction policy is a rule that decides which entry leaves a full cache first.</p>
            <h2>Recency</h2><p>LRU is a policy that evicts the least recently used entry first.</p>
            <h2>Frequency</h2><p>LFU is a counting policy that removes whichever entry was read the fewest times.</p>
            """);
    static final String V2 = page("""
            <h2>Why cache</h2><p>Caches keep copies of hot data close to the code that reads it, trading memory for
            latency.</p>
            <h2>Eviction</h2><p>An eviction policy is the rule that picks which entry a full cache drops.</p>
            <h2>Recency</h2><p>LRU is a policy that evicts the least recently used entry first.</p>
            <h2>Frequency</h2><p>LFU evicts the entry with the fewest uses since it was cached.</p>
            """);
    static final AtomicReference<String> SERVED = new AtomicReference<>(V1);
    static final HttpServer SOURCE = serve();
    static final ParameterizedTypeReference<List<Map<String, Object>>> CARDS = new ParameterizedTypeReference<>() {
    };

    @AfterAll
    static void stop() {
        SOURCE.stop(0);
    }

    @Autowired
    WebTestClient http;
    @Autowired
    RoadmapImporter importer;
    @Autowired
    IngestRun run;
    @Autowired
    RoadmapQueries roadmaps;

    @Test
    @SuppressWarnings("unchecked")
    void aChangedSourceReanchorsOneCardAndMarksOthersStale() {
        String url = "http://127.0.0.1:" + SOURCE.getAddress().getPort() + "/guide.html";
        String roadmapId = importer.importDocument(("# Stale drill\n## Week 1: Caches\n- Eviction policies, LRU, LFU\n- "
                + url + "\n").getBytes(StandardCharsets.UTF_8), "stale.md").roadmap().id();
        run.run(roadmapId, IngestListener.NONE);
        String topicId = roadmaps.find(roadmapId).orElseThrow().topics().get(0).id();
        List<Map<String, Object>> generated = cards(generate(http, topicId,
                Map.of("count", 3, "types", List.of("basic")), null));
        Map<String, Object> lru = byQuote(generated, "LRU is a policy");
        Map<String, Object> lfu = byQuote(generated, "LFU is a counting policy");
        Map<String, Object> policy = byQuote(generated, "An eviction policy is a rule");

        SERVED.set(V2);
        run.run(roadmapId, IngestListener.NONE);
        List<Map<String, Object>> after = list("/api/topics/" + topicId + "/cards");

        Map<String, Object> moved = byId(after, lru.get("id"));
        Map<String, Object> oldAnchor = (Map<String, Object>) lru.get("anchor");
        Map<String, Object> newAnchor = (Map<String, Object>) moved.get("anchor");
        assertThat(moved.get("stale")).isNull();
        assertThat(newAnchor.get("quote")).isEqualTo(oldAnchor.get("quote"));
        assertThat(newAnchor.get("chunkId")).isNotEqualTo(oldAnchor.get("chunkId"));
        assertThat((Integer) newAnchor.get("start")).isGreaterThan((Integer) oldAnchor.get("start"));

        Map<String, Object> stale = (Map<String, Object>) byId(after, lfu.get("id")).get("stale");
        assertThat(stale).isNotNull();
        assertThat((String) stale.get("reason")).contains("no longer in it");
        assertThat((String) ((Map<String, Object>) stale.get("currentPassage")).get("quote")).startsWith("LFU evicts");
        assertThat(list("/api/topics/" + topicId + "/cards?stale=true")).extracting(c -> c.get("id"))
                .containsExactlyInAnyOrder(lfu.get("id"), policy.get("id"));

        Map<String, Object> kept = post("/api/cards/" + lfu.get("id") + "/stale/keep");
        assertThat(kept.get("stale")).isNull();
        assertThat((String) ((Map<String, Object>) kept.get("anchor")).get("quote")).startsWith("LFU evicts");
        assertThat(kept.get("front")).isEqualTo(lfu.get("front"));

        Map<String, Object> regenerated = post("/api/cards/" + policy.get("id") + "/stale/regenerate");
        assertThat(regenerated.get("stale")).isNull();
        assertThat((String) regenerated.get("back")).contains("picks which entry a full cache drops");
        assertThat((String) ((Map<String, Object>) regenerated.get("anchor")).get("quote"))
                .contains("picks which entry a full cache drops");
        assertThat(regenerated).containsEntry("edited", false);
        assertThat(list("/api/topics/" + topicId + "/cards?stale=true")).isEmpty();
        expectProblem(http.post().uri("/api/cards/" + lfu.get("id") + "/stale/keep").exchange(), 409,
                "card-not-stale");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> byQuote(List<Map<String, Object>> cards, String start) {
        return cards.stream().filter(c -> ((String) ((Map<String, Object>) c.get("anchor")).get("quote"))
                .startsWith(start)).findFirst().orElseThrow(() -> new AssertionError("no card quotes '" + start
                + "' among " + cards));
    }

    private static Map<String, Object> byId(List<Map<String, Object>> cards, Object id) {
        return cards.stream().filter(c -> c.get("id").equals(id)).findFirst().orElseThrow();
    }

    private List<Map<String, Object>> list(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().expectBody(CARDS).returnResult().getResponseBody();
    }

    private Map<String, Object> post(String uri) {
        return http.post().uri(uri).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
    }

    private static String page(String body) {
        return "<!doctype html><html><head><title>Cache guide</title></head><body><main><h1>Cache guide</h1>"
                + body + "</main></body></html>";
    }

    private static HttpServer serve() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestURI().getPath().equals("/guide.html")
                        ? SERVED.get().getBytes(StandardCharsets.UTF_8) : new byte[0];
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
