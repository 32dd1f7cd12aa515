package dev.groundwork.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.testing.MirrorAppTest;
import dev.groundwork.api.testing.SignedIn;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * OWASP API1, broken object-level authorisation, as a matrix in accounts mode: learner A owns one of each thing
 * (a card with a source that went stale, a review of it, an interview with a question, a conversation, an API
 * token); learner B calls every endpoint that takes the id of such a thing, once signed in with a session cookie and
 * once with a read-write API token. Every call answers 404 {@code not-found}, exactly as for an unknown id, and
 * changes nothing of A's (nor creates anything of B's). The same calls by A are not 404, so each row names a real
 * endpoint and a real object. B's lists, queue and progress hold nothing of A's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"groundwork.security.mode=accounts", "groundwork.ingest.background=false"})
@AutoConfigureWebTestClient(timeout = "PT90S")
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class})
class ObjectLevelAuthorizationIT extends MirrorAppTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() {
            };
    static final String PASSWORD = "correct horse battery";

    /** Every table holding a learner's things, each row as JSON: what "changes nothing" compares. */
    static final List<String> OWNED = List.of("card", "card_item", "review_log", "review_undo", "review_settings",
            "interview_session", "interview_question", "conversation_turn", "api_token");

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;

    String topicId;
    String roadmapId;
    SignedIn a;
    SignedIn b;

    /** One request of the matrix; {@code owned} when A's own call of it must work (not 404). */
    record Row(String name, HttpMethod method, String path, Object body, boolean owned) {

        @Override
        public String toString() {
            return name + " (" + method + " " + path + ")";
        }
    }

    @BeforeEach
    void twoLearners() {
        topicId = redisTopic();
        roadmapId = roadmaps.findTopic(topicId).orElseThrow().roadmapId();
        SignedIn.reset(jdbc);
        a = SignedIn.setup(http, "ada", PASSWORD);
        b = a.invite(http, "bob", PASSWORD);
    }

    @Test
    void anotherLearnersThingsAreNotFoundAndUnchangedWhateverTheCredentials() {
        Owned owned = aOwnsOneOfEach();
        // B has a session of its own, to try A's question under B's session id
        Map<String, Object> bSession = post(b.client(), "/api/interviews", Map.of("topicId", topicId, "questions", 1));
        String bSessionId = (String) bSession.get("id");
        List<Row> rows = matrix(owned, bSessionId);

        String bToken = b.token("matrix", "read-write");
        Map<String, WebTestClient> credentials = new LinkedHashMap<>();
        credentials.put("B's session cookie", b.client());
        credentials.put("B's read-write API token", SignedIn.bearer(http, bToken));
        Map<String, List<String>> before = snapshot();

        for (Map.Entry<String, WebTestClient> as : credentials.entrySet()) {
            for (Row row : rows) {
                String what = row + " as " + as.getKey();
                EntityExchangeResult<byte[]> result = call(as.getValue(), row).expectBody().returnResult();
                assertThat(result.getStatus().value()).as("%s: status; body %s", what, body(result)).isEqualTo(404);
                assertThat(body(result)).as("%s: a not-found problem", what)
                        .contains("urn:groundwork:problem:not-found");
                assertThat(snapshot()).as("%s: changed stored data", what).isEqualTo(before);
            }
        }
        // controls: each row names a real object and a real endpoint — the owner's own calls are not 404
        for (Row row : rows.stream().filter(Row::owned).toList()) {
            EntityExchangeResult<byte[]> result = call(a.client(), row).expectBody().returnResult();
            assertThat(result.getStatus().value()).as("%s as A, the owner: status; body %s", row, body(result))
                    .isNotEqualTo(404).isLessThan(500);
        }
    }

    @Test
    void anotherLearnersConversationIdStartsTheirOwnConversation() {
        String question = "What is redis-cli?";
        List<ServerSentEvent<Map<String, Object>>> first = ask(a.client(), Map.of("question", question,
                "topicId", topicId));
        String conversation = (String) done(first).get("conversationId");
        List<String> aTurns = turns(conversation, a.learnerId());
        assertThat(aTurns).hasSize(1);

        String bToken = b.token("asker", "read");
        List<WebTestClient> asB = List.of(b.client(), SignedIn.bearer(http, bToken));
        for (int i = 0; i < asB.size(); i++) {
            String follow = "How do I use it to set a key, take " + i + "?";
            List<ServerSentEvent<Map<String, Object>>> theirs = ask(asB.get(i), Map.of("question", follow,
                    "topicId", topicId, "conversationId", conversation));
            assertThat(done(theirs)).containsEntry("conversationId", conversation);
            assertThat(theirs.toString()).as("A's question never shows in B's stream").doesNotContain(question);
            assertThat(turns(conversation, a.learnerId())).as("A's conversation is untouched").isEqualTo(aTurns);
            assertThat(jdbc.sql("SELECT standalone FROM conversation_turn WHERE conversation_id = ?::uuid"
                            + " AND learner_id = ?::uuid AND question = ?")
                    .params(conversation, b.learnerId(), follow).query(String.class).single())
                    .as("B's question was not rewritten with A's history (B's own earlier turn may count)")
                    .doesNotContain(question).endsWith(follow);
        }
        assertThat(turns(conversation, b.learnerId())).as("B's own conversation under that id").hasSize(2);
    }

    @Test
    void listsQueuesAndProgressHoldOnlyTheLearnersOwnThings() {
        Owned owned = aOwnsOneOfEach();
        // control: A sees them
        assertThat(ids(getList(a.client(), "/api/topics/" + topicId + "/cards"))).contains(owned.card);
        assertThat(ids(getList(a.client(), "/api/interviews"))).contains(owned.session);
        assertThat(cardsOnTopic(a.client())).isGreaterThanOrEqualTo(1);

        for (WebTestClient asB : List.of(b.client(), SignedIn.bearer(http, b.token("lists", "read")))) {
            assertThat(getList(asB, "/api/topics/" + topicId + "/cards")).isEmpty();
            assertThat(getList(asB, "/api/topics/" + topicId + "/cards?stale=true")).isEmpty();
            assertThat((List<?>) get(asB, "/api/roadmaps/" + roadmapId + "/cards?size=200").get("items")).isEmpty();
            assertThat(((Number) get(asB, "/api/roadmaps/" + roadmapId + "/cards/counts").get("total")).intValue())
                    .isZero();
            assertThat(getList(asB, "/api/interviews")).isEmpty();
            Map<String, Object> queue = get(asB, "/api/reviews/queue");
            assertThat((List<?>) queue.get("items")).isEmpty();
            assertThat(asB.get().uri("/api/reviews/queue?topicId=" + topicId).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody()).doesNotContain(owned.card);
            assertThat(((Number) get(asB, "/api/topics/" + topicId + "/review-stats").get("reviewsToday")).intValue())
                    .isZero();
            assertThat(((Number) get(asB, "/api/roadmaps/" + roadmapId + "/review-counts").get("new")).intValue())
                    .isZero();
            assertThat(cardsOnTopic(asB)).isZero();
            Map<String, Object> topic = topicProgress(asB);
            assertThat((Map<String, Object>) topic.get("interview")).containsEntry("answered", 0);
            assertThat(topic.get("state")).isEqualTo("not-started");
            for (Map<String, Object> summary : getList(asB, "/api/progress")) {
                Map<String, Object> counts = (Map<String, Object>) summary.get("counts");
                assertThat(counts).as("B's progress on %s", summary.get("roadmapId"))
                        .containsEntry("learning", 0).containsEntry("solid", 0).containsEntry("needsRevision", 0);
            }
            assertThat(getList(asB, "/api/tokens")).extracting(t -> t.get("id")).doesNotContain(owned.token);
        }
        // control: A's review made A's topic more than not started
        assertThat(topicProgress(a.client()).get("state")).isNotEqualTo("not-started");
    }

    /** The ids of A's things. */
    record Owned(String card, String review, String session, String question, String token, String source) {
    }

    private Owned aOwnsOneOfEach() {
        Map<String, Object> card = post(a.client(), "/api/topics/" + topicId + "/cards", Map.of("type", "basic",
                "front", "What does SET do?", "back", "Stores a string value under a key."));
        String cardId = (String) card.get("id");
        // a source passage, changed since: so /source and /stale/* have something to act on for A
        Map<String, Object> chunk = jdbc.sql("SELECT id::text AS id, left(content, 60) AS quote FROM chunks"
                + " WHERE topic_id = ?::uuid OR resource_id IN (SELECT resource_id FROM topic_resource"
                + " WHERE topic_id = ?::uuid) ORDER BY id LIMIT 1").params(topicId, topicId).query().singleRow();
        jdbc.sql("""
                UPDATE card SET anchor_chunk_id = ?::uuid, anchor_url = 'https://redis.io/docs/latest/develop/get-started/',
                    anchor_title = 'Get started', anchor_heading_path = '[]'::jsonb, anchor_quote = ?, anchor_start = 0,
                    anchor_end = length(?), anchor_chunk_hash = 'before',
                    stale = '{"reason": "The source changed.", "currentPassage": null}'::jsonb
                WHERE id = ?::uuid""").params(chunk.get("id"), chunk.get("quote"), chunk.get("quote"), cardId).update();
        String reviewId = UUID.randomUUID().toString();
        Map<String, Object> graded = post(a.client(), "/api/cards/" + cardId + "/reviews",
                Map.of("rating", "good", "reviewId", reviewId));
        assertThat(graded).containsEntry("reviewId", reviewId);
        Map<String, Object> session = post(a.client(), "/api/interviews", Map.of("topicId", topicId, "questions", 1));
        String questionId = (String) ((List<Map<String, Object>>) session.get("questions")).get(0).get("id");
        a.token("script", "read");
        String tokenId = (String) getList(a.client(), "/api/tokens").get(0).get("id");
        Map<String, Object> source = post(a.client(), "/api/topics/" + topicId + "/resources",
                Map.of("title", "A's Redis notes", "text", "SET stores a string value under a key."));
        return new Owned(cardId, reviewId, (String) session.get("id"), questionId, tokenId,
                "/api/topics/" + topicId + "/resources/" + source.get("id"));
    }

    /** Every endpoint that takes the id of a learner's thing, with A's ids. */
    private static List<Row> matrix(Owned o, String bSession) {
        String card = "/api/cards/" + o.card;
        String session = "/api/interviews/" + o.session;
        String question = session + "/questions/" + o.question;
        String mixed = "/api/interviews/" + bSession + "/questions/" + o.question;
        Map<String, Object> answer = Map.of("answer", "Redis keeps its data in memory.", "durationMs", 1000);
        List<Row> rows = new ArrayList<>(List.of(
                new Row("read a card", HttpMethod.GET, card, null, true),
                new Row("read a card's source", HttpMethod.GET, card + "/source", null, true),
                new Row("edit a card", HttpMethod.PATCH, card, Map.of("front", "Mine now?"), true),
                new Row("suspend a card", HttpMethod.PATCH, card, Map.of("suspended", true), true),
                new Row("keep a stale card", HttpMethod.POST, card + "/stale/keep", null, true),
                new Row("regenerate a stale card", HttpMethod.POST, card + "/stale/regenerate", null, true),
                new Row("review a card", HttpMethod.POST, card + "/reviews",
                        Map.of("rating", "again", "reviewId", UUID.randomUUID().toString()), true),
                new Row("review a card, replaying A's review id", HttpMethod.POST, card + "/reviews",
                        Map.of("rating", "easy", "reviewId", o.review), true),
                new Row("undo a review", HttpMethod.DELETE, "/api/reviews/" + o.review, null, true),
                new Row("read an interview", HttpMethod.GET, session, null, true),
                new Row("save a draft answer", HttpMethod.PUT, question + "/draft", Map.of("answer", "x"), true),
                new Row("answer a question", HttpMethod.POST, question + "/answer", answer, true),
                new Row("skip a question", HttpMethod.POST, question + "/skip", null, true),
                new Row("end an interview", HttpMethod.POST, session + "/end", null, true),
                new Row("read an interview's report", HttpMethod.GET, session + "/report", null, true),
                new Row("make cards from an interview", HttpMethod.POST, session + "/cards", null, true),
                new Row("save a draft under one's own session", HttpMethod.PUT, mixed + "/draft",
                        Map.of("answer", "x"), false),
                new Row("answer under one's own session", HttpMethod.POST, mixed + "/answer", answer, false),
                new Row("skip under one's own session", HttpMethod.POST, mixed + "/skip", null, false),
                new Row("revoke an API token", HttpMethod.DELETE, "/api/tokens/" + o.token, null, true),
                new Row("remove a source A added to a topic", HttpMethod.DELETE, o.source, null, true),
                new Row("delete a card", HttpMethod.DELETE, card, null, true)));
        return rows;
    }

    private static WebTestClient.ResponseSpec call(WebTestClient client, Row row) {
        WebTestClient.RequestBodySpec request = client.method(row.method()).uri(row.path());
        if (row.body() == null) {
            return request.exchange();
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(row.body()).exchange();
    }

    /** A's and B's stored things, table by table, each row as JSON text in a fixed order. */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        // sources on a shared topic are attributed, not filtered: who added them is the column to compare
        tables.put("topic_resource", jdbc.sql("SELECT row_to_json(t)::text FROM topic_resource t"
                + " WHERE added_by IN (?::uuid, ?::uuid) ORDER BY row_to_json(t)::text")
                .params(a.learnerId(), b.learnerId()).query(String.class).list());
        for (String table : OWNED) {
            // B's own token is used by half the matrix, so its last use changes: only A's tokens are compared
            String b = table.equals("api_token") ? a.learnerId() : this.b.learnerId();
            tables.put(table, jdbc.sql("SELECT row_to_json(t)::text FROM " + table + " t"
                            + " WHERE learner_id IN (?::uuid, ?::uuid) ORDER BY row_to_json(t)::text")
                    .params(a.learnerId(), b).query(String.class).list());
        }
        return tables;
    }

    private List<String> turns(String conversation, String learnerId) {
        return jdbc.sql("SELECT row_to_json(t)::text FROM conversation_turn t WHERE conversation_id = ?::uuid"
                + " AND learner_id = ?::uuid ORDER BY position").params(conversation, learnerId)
                .query(String.class).list();
    }

    private List<ServerSentEvent<Map<String, Object>>> ask(WebTestClient client, Map<String, Object> body) {
        return client.post().uri("/api/answers").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM).bodyValue(body).exchange().expectStatus().isOk()
                .returnResult(EVENT).getResponseBody().filter(e -> e.event() != null).collectList()
                .block(Duration.ofSeconds(90));
    }

    private static Map<String, Object> done(List<ServerSentEvent<Map<String, Object>>> events) {
        return events.stream().filter(e -> "done".equals(e.event())).map(ServerSentEvent::data).findFirst()
                .orElseThrow(() -> new AssertionError("no done event in " + events));
    }

    private int cardsOnTopic(WebTestClient client) {
        return ((Number) ((Map<String, Object>) topicProgress(client).get("cards")).get("count")).intValue();
    }

    private Map<String, Object> topicProgress(WebTestClient client) {
        List<Map<String, Object>> topics = (List<Map<String, Object>>) get(client,
                "/api/roadmaps/" + roadmapId + "/progress").get("topics");
        return topics.stream().filter(t -> topicId.equals(t.get("topicId"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> post(WebTestClient client, String path, Map<String, Object> body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().is2xxSuccessful().expectBody(JSON).returnResult().getResponseBody();
    }

    private static Map<String, Object> get(WebTestClient client, String path) {
        return client.get().uri(path).exchange().expectStatus().isOk().expectBody(JSON).returnResult()
                .getResponseBody();
    }

    private static List<Map<String, Object>> getList(WebTestClient client, String path) {
        return client.get().uri(path).exchange().expectStatus().isOk().expectBody(JSON_LIST).returnResult()
                .getResponseBody();
    }

    private static List<Object> ids(List<Map<String, Object>> items) {
        return items.stream().map(i -> i.get("id")).toList();
    }

    private static String body(EntityExchangeResult<byte[]> result) {
        byte[] bytes = result.getResponseBody();
        return bytes == null ? "" : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
