package dev.groundwork.api.flashcard;

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

/** Hand-written cards over HTTP: create, read, edit, suspend, delete, their items, bad input, two learners. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingest.background=false")
@AutoConfigureWebTestClient(timeout = "PT90S")
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class, TwoLearners.class})
class CardApiIT extends MirrorAppTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;

    String topicId;
    String roadmapId;

    @BeforeEach
    void ingested() {
        topicId = redisTopic();
        roadmapId = roadmaps.findTopic(topicId).orElseThrow().roadmapId();
    }

    @Test
    void createsReadsEditsSuspendsAndDeletesAHandWrittenCard() {
        Map<String, Object> card = create(topicId, Map.of("type", "basic", "front", "What does SET do?",
                "back", "Stores a string value under a key."), null);
        String id = (String) card.get("id");
        assertThat(card).containsEntry("type", "basic").containsEntry("topicId", topicId)
                .containsEntry("roadmapId", roadmapId).containsEntry("anchor", null).containsEntry("stale", null)
                .containsEntry("suspended", false).containsEntry("edited", false).containsEntry("text", null);
        assertThat((Map<String, Object>) card.get("origin")).containsEntry("kind", "manual").containsEntry("model", null);
        assertThat((List<?>) card.get("items")).hasSize(1);

        Map<String, Object> edited = patch(id, Map.of("back", "Sets a key to hold a string value."), null, 200);
        assertThat(edited).containsEntry("back", "Sets a key to hold a string value.").containsEntry("edited", true)
                .containsEntry("front", "What does SET do?");
        Map<String, Object> suspended = patch(id, Map.of("suspended", true), null, 200);
        assertThat(suspended).containsEntry("suspended", true);

        assertThat(get("/api/cards/" + id, null, 200)).containsEntry("back", "Sets a key to hold a string value.");
        assertThat(list("/api/topics/" + topicId + "/cards", null)).extracting(c -> c.get("id")).contains(id);
        Map<String, Object> page = get("/api/roadmaps/" + roadmapId + "/cards?page=0&size=200", null, 200);
        assertThat((List<Map<String, Object>>) page.get("items")).extracting(c -> c.get("id")).contains(id);
        Map<String, Object> counts = get("/api/roadmaps/" + roadmapId + "/cards/counts", null, 200);
        assertThat(((Number) ((Map<String, Map<String, Object>>) counts.get("topics")).get(topicId).get("cards")).longValue())
                .isEqualTo(count(topicId));

        http.delete().uri("/api/cards/" + id).exchange().expectStatus().isNoContent();
        expectProblem(http.get().uri("/api/cards/" + id).exchange(), 404, "not-found");
        assertThat(list("/api/topics/" + topicId + "/cards", null)).extracting(c -> c.get("id")).doesNotContain(id);
        assertThat(jdbc.sql("SELECT count(*) FROM card_item WHERE card_id = ?::uuid").param(id).query(Integer.class)
                .single()).as("a deleted card keeps its items and their history").isEqualTo(1);
    }

    @Test
    void clozeCardsScheduleOneItemPerDeletionNumberAndFollowEdits() {
        Map<String, Object> card = create(topicId, Map.of("type", "cloze",
                "text", "{{c1::Redis}} keeps its dataset in {{c2::memory::where?}} and can persist it to disk."), null);
        assertThat((List<Map<String, Object>>) card.get("items")).extracting(i -> i.get("label"))
                .containsExactly("Cloze 1", "Cloze 2");

        Map<String, Object> edited = patch((String) card.get("id"),
                Map.of("text", "{{c1::Redis}} keeps its dataset in memory."), null, 200);
        assertThat((List<?>) edited.get("items")).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM card_item WHERE card_id = ?::uuid AND retired_at IS NOT NULL")
                .param(card.get("id")).query(Integer.class).single()).isEqualTo(1);

        Map<String, Object> reversed = create(topicId, Map.of("type", "reversed", "front", "LRU",
                "back", "Evicts the least recently used key first."), null);
        assertThat((List<Map<String, Object>>) reversed.get("items")).extracting(i -> i.get("label"))
                .containsExactly("Front → back", "Back → front");
    }

    @Test
    void badCardsAreProblemsAndChangeNothing() {
        int cards = jdbc.sql("SELECT count(*) FROM card").query(Integer.class).single();
        String uri = "/api/topics/" + topicId + "/cards";

        expectProblem(post(uri, Map.of("type", "flip", "front", "a", "back", "b")), 400, "bad-request");
        expectProblem(post(uri, Map.of("type", "basic", "front", "Only a front")), 400, "bad-request");
        expectProblem(post(uri, Map.of("type", "basic", "front", "  ", "back", "b")), 400, "bad-request");
        expectProblem(post(uri, Map.of("type", "cloze", "text", "No deletion here.")), 400, "bad-request");
        expectProblem(post(uri, Map.of("type", "cloze", "text", "Broken {{c1::deletion here.")), 400,
                "bad-request");
        expectProblem(post(uri, Map.of("type", "basic", "front", "x".repeat(1001), "back", "b")), 400,
                "bad-request");
        expectProblem(post(uri, Map.of("type", "basic", "front", "a", "back", "b", "text", "{{c1::x}} y")), 400,
                "bad-request");
        expectProblem(post("/api/topics/00000000-0000-0000-0000-000000000000/cards",
                Map.of("type", "basic", "front", "a", "back", "b")), 404, "not-found");
        expectProblem(post("/api/topics/not-a-topic/cards", Map.of("type", "basic", "front", "a", "back", "b")), 404,
                "not-found");
        expectProblem(http.get().uri("/api/roadmaps/" + roadmapId + "/cards?size=0").exchange(), 400, "bad-request");
        expectProblem(http.get().uri("/api/roadmaps/no-such-roadmap/cards").exchange(), 404, "not-found");
        expectProblem(http.get().uri("/api/cards/not-a-uuid").exchange(), 404, "not-found");

        String id = (String) create(topicId, Map.of("type", "basic", "front", "Q", "back", "A"), null).get("id");
        expectProblem(http.patch().uri("/api/cards/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange(), 400, "bad-request");
        expectProblem(http.patch().uri("/api/cards/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("back", "")).exchange(), 400, "bad-request");
        expectProblem(http.post().uri("/api/cards/" + id + "/stale/keep").exchange(), 409, "card-not-stale");
        expectProblem(http.get().uri("/api/cards/" + id + "/source").exchange(), 404, "not-found");
        assertThat(get("/api/cards/" + id, null, 200)).containsEntry("back", "A").containsEntry("edited", false);
        assertThat(jdbc.sql("SELECT count(*) FROM card").query(Integer.class).single()).isEqualTo(cards + 1);
    }

    @Test
    void anotherLearnersCardIsNotFoundEitherWay() {
        String mine = (String) create(topicId, Map.of("type", "basic", "front", "Mine?", "back", "A's"), null)
                .get("id");
        String theirs = (String) create(topicId, Map.of("type", "basic", "front", "Theirs?", "back", "B's"), "b")
                .get("id");

        for (String[] attempt : new String[][] {{mine, "b"}, {theirs, null}}) {
            String id = attempt[0];
            String as = attempt[1];
            expectProblem(as(http.get().uri("/api/cards/" + id), as).exchange(), 404, "not-found");
            expectProblem(as(http.patch().uri("/api/cards/" + id), as).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("back", "stolen")).exchange(), 404, "not-found");
            expectProblem(as(http.delete().uri("/api/cards/" + id), as).exchange(), 404, "not-found");
            expectProblem(as(http.get().uri("/api/cards/" + id + "/source"), as).exchange(), 404, "not-found");
            expectProblem(as(http.post().uri("/api/cards/" + id + "/stale/keep"), as).exchange(), 404, "not-found");
            expectProblem(as(http.post().uri("/api/cards/" + id + "/stale/regenerate"), as).exchange(), 404,
                    "not-found");
        }
        assertThat(list("/api/topics/" + topicId + "/cards", "b")).extracting(c -> c.get("id"))
                .contains(theirs).doesNotContain(mine);
        assertThat(list("/api/topics/" + topicId + "/cards", null)).extracting(c -> c.get("id"))
                .contains(mine).doesNotContain(theirs);
        Map<String, Object> page = get("/api/roadmaps/" + roadmapId + "/cards?size=200", "b", 200);
        assertThat((List<Map<String, Object>>) page.get("items")).extracting(c -> c.get("id")).doesNotContain(mine);
        assertThat(get("/api/cards/" + mine, null, 200)).containsEntry("back", "A's");
        assertThat(get("/api/cards/" + theirs, "b", 200)).containsEntry("back", "B's");
    }

    @Test
    void aTopicRemovedFromAnEditedRoadmapKeepsItsCards() {
        String v1 = "# Card keeping drill\n## Week 1: Queues\n- Kafka topics\n## Week 2: Streams\n- Kafka Streams\n";
        String v2 = "# Card keeping drill\n## Week 1: Queues\n- Kafka topics and partitions\n";
        String id = http.post().uri("/api/roadmaps").contentType(MediaType.parseMediaType("text/markdown"))
                .bodyValue(v1).exchange().expectStatus().isCreated().expectBody(JSON).returnResult()
                .getResponseBody().get("id").toString();
        String week2 = roadmaps.find(id).orElseThrow().topics().get(1).id();
        String card = (String) create(week2, Map.of("type", "basic", "front", "What is a KStream?",
                "back", "A record stream."), null).get("id");

        http.put().uri("/api/roadmaps/" + id).contentType(MediaType.parseMediaType("text/markdown")).bodyValue(v2)
                .exchange().expectStatus().isOk();

        assertThat(roadmaps.find(id).orElseThrow().topics()).extracting(t -> t.title())
                .containsExactly("Week 1: Queues");
        assertThat(get("/api/cards/" + card, null, 200)).containsEntry("topicArchived", true)
                .containsEntry("topicTitle", "Week 2: Streams").containsEntry("back", "A record stream.");
        Map<String, Object> page = get("/api/roadmaps/" + id + "/cards", null, 200);
        assertThat((List<Map<String, Object>>) page.get("items")).extracting(c -> c.get("id")).containsExactly(card);
        assertThat(list("/api/topics/" + week2 + "/cards", null)).extracting(c -> c.get("id")).containsExactly(card);
        expectProblem(http.post().uri("/api/topics/" + week2 + "/cards/generate").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM).bodyValue(Map.of()).exchange(), 404, "not-found");

        http.put().uri("/api/roadmaps/" + id).contentType(MediaType.parseMediaType("text/markdown")).bodyValue(v1)
                .exchange().expectStatus().isOk();
        assertThat(get("/api/cards/" + card, null, 200)).as("the topic came back").containsEntry("topicArchived", false);
    }

    private long count(String topic) {
        return jdbc.sql("SELECT count(*) FROM card WHERE topic_id = ?::uuid AND learner_id = ? AND deleted_at IS NULL")
                .params(topic, TwoLearners.A.id()).query(Long.class).single();
    }

    private Map<String, Object> create(String topic, Map<String, Object> body, String as) {
        return as(http.post().uri("/api/topics/" + topic + "/cards"), as).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/cards/[0-9a-f-]{36}")
                .expectBody(JSON).returnResult().getResponseBody();
    }

    private Map<String, Object> patch(String id, Map<String, Object> body, String as, int status) {
        return as(http.patch().uri("/api/cards/" + id), as).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(status).expectBody(JSON).returnResult().getResponseBody();
    }

    private Map<String, Object> get(String uri, String as, int status) {
        return as(http.get().uri(uri), as).exchange().expectStatus().isEqualTo(status).expectBody(JSON).returnResult()
                .getResponseBody();
    }

    private List<Map<String, Object>> list(String uri, String as) {
        return as(http.get().uri(uri), as).exchange().expectStatus().isOk().expectBody(JSON_LIST).returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec post(String uri, Map<String, Object> body) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    static <S extends WebTestClient.RequestHeadersSpec<?>> S as(S spec, String learner) {
        if (learner != null) {
            spec.header(TwoLearners.HEADER, learner);
        }
        return spec;
    }

    static void expectProblem(WebTestClient.ResponseSpec response, int status, String type) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:" + type);
    }
}
