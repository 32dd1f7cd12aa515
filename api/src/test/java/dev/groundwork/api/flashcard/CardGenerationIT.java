package dev.groundwork.api.flashcard;

import static dev.groundwork.api.flashcard.CardApiIT.expectProblem;
import static dev.groundwork.api.flashcard.CardStreams.assertAnchoredVerbatim;
import static dev.groundwork.api.flashcard.CardStreams.assertWellFormed;
import static dev.groundwork.api.flashcard.CardStreams.cards;
import static dev.groundwork.api.flashcard.CardStreams.data;
import static dev.groundwork.api.flashcard.CardStreams.done;
import static dev.groundwork.api.flashcard.CardStreams.generate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.testing.TwoLearners;
import dev.groundwork.api.testing.MirrorAppTest;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Offline card generation (no model configured) on a topic ingested from the mirror. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingest.background=false")
@AutoConfigureWebTestClient(timeout = "PT90S")
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class, TwoLearners.class})
class CardGenerationIT extends MirrorAppTest {

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;

    String topicId;

    @BeforeEach
    void ingested() {
        topicId = redisTopic();
    }

    @Test
    void offlineGenerationStreamsCardsAnchoredToTheirSourcesThenDone() {
        var events = generate(http, topicId, Map.of("count", 6), "b");

        assertWellFormed(events);
        assertThat(done(events)).containsEntry("mode", "extractive").containsEntry("model", null);
        List<Map<String, Object>> cards = cards(events);
        assertThat(cards).hasSizeBetween(3, 6);
        assertThat(cards).extracting(c -> (String) c.get("type")).isSubsetOf("basic", "reversed", "cloze");
        assertThat(cards.stream().map(c -> c.get("type")).distinct().count()).as("cards of more than one type")
                .isGreaterThanOrEqualTo(2);
        for (Map<String, Object> card : cards) {
            assertAnchoredVerbatim(jdbc, card);
            assertThat((Map<String, Object>) card.get("origin")).containsEntry("kind", "generated")
                    .containsEntry("model", null);
            assertThat(((Map<String, Object>) card.get("anchor")).get("resourceUrl").toString())
                    .startsWith("https://redis.io/");
        }
        Map<String, Object> source = http.get().uri("/api/cards/" + cards.get(0).get("id") + "/source")
                .header(TwoLearners.HEADER, "b").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        String quote = (String) source.get("quote");
        assertThat((String) source.get("text")).contains(quote);
        assertThat(((String) source.get("text")).substring((Integer) source.get("quoteStart"),
                (Integer) source.get("quoteEnd"))).isEqualTo(quote);
    }

    @Test
    void aSecondRunAddsNoDuplicate() {
        var first = generate(http, topicId, Map.of("count", 4), null);
        var second = generate(http, topicId, Map.of("count", 4), null);

        assertWellFormed(first);
        assertWellFormed(second);
        assertThat(data(second, "skipped")).extracting(s -> s.get("reason")).contains("duplicate");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM (SELECT dedup_key FROM card WHERE learner_id = ? AND deleted_at IS NULL
                GROUP BY dedup_key HAVING count(*) > 1) repeated""")
                .param(TwoLearners.A.id()).query(Integer.class).single()).isZero();
        List<String> firstIds = cards(first).stream().map(c -> (String) c.get("id")).toList();
        assertThat(cards(second)).extracting(c -> c.get("id")).doesNotContainAnyElementsOf(firstIds);
    }

    @Test
    void cardsOfTheRequestedTypesOnly() {
        var events = generate(http, topicId, Map.of("count", 3, "types", List.of("cloze")), "b");

        assertWellFormed(events);
        assertThat(cards(events)).isNotEmpty().allSatisfy(card -> {
            assertThat(card.get("type")).isEqualTo("cloze");
            assertThat((String) card.get("text")).contains("{{c1::");
        });
    }

    @Test
    void aTopicWithNothingToWriteFromSaysSo() {
        String roadmapId = importer.importDocument("# Odd drill\n## Week 1: Zyzzyva flarbling\n- Quorple glimmets\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "odd.md").roadmap().id();
        run.run(roadmapId, dev.groundwork.ingest.pipeline.IngestListener.NONE);
        String topic = roadmaps.find(roadmapId).orElseThrow().topics().get(0).id();

        var events = generate(http, topic, Map.of("count", 3), null);

        assertWellFormed(events);
        assertThat(cards(events)).isEmpty();
        assertThat(data(events, "notice")).singleElement().satisfies(notice ->
                assertThat(notice).containsEntry("kind", "no-sources"));
    }

    @Test
    void badGenerationRequestsAreProblemsAndChangeNothing() {
        int cards = jdbc.sql("SELECT count(*) FROM card").query(Integer.class).single();

        expectProblem(post(topicId, Map.of("count", 0)), 400, "bad-request");
        expectProblem(post(topicId, Map.of("count", 51)), 400, "bad-request");
        expectProblem(post(topicId, Map.of("types", List.of("flip"))), 400, "bad-request");
        expectProblem(post("00000000-0000-0000-0000-000000000000", Map.of()), 404, "not-found");
        http.post().uri("/api/topics/" + topicId + "/cards/generate").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM).bodyValue("{not json").exchange().expectStatus().isBadRequest();

        assertThat(jdbc.sql("SELECT count(*) FROM card").query(Integer.class).single()).isEqualTo(cards);
    }

    private WebTestClient.ResponseSpec post(String topic, Map<String, Object> body) {
        return http.post().uri("/api/topics/" + topic + "/cards/generate").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM).bodyValue(body).exchange();
    }
}
