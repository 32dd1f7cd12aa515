package dev.groundwork.api.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.testing.MirrorAppTest;
import dev.groundwork.api.testing.TwoLearners;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cards out to Anki and back over HTTP: an export read by an independent reader (anki-reader, run by node), the round
 * trips of apkg and CSV into another learner's empty roadmap, placement on topics, duplicates, bad files and learner
 * isolation. Every test acts for learners of its own, so tests share the database without seeing each other's cards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groundwork.ingest.background=false", "groundwork.exchange.max-file-size=3MB",
        "groundwork.exchange.max-uncompressed-size=32MB"})
@AutoConfigureWebTestClient(timeout = "PT120S")
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class, TwoLearners.class})
class ExchangeApiIT extends MirrorAppTest {

    static final String HEADER = TwoLearners.HEADER;
    static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;

    String topicId;
    String roadmapId;
    String week2;
    String a;

    @BeforeEach
    void ingested() {
        topicId = redisTopic();
        roadmapId = roadmaps.findTopic(topicId).orElseThrow().roadmapId();
        week2 = roadmaps.find(roadmapId).orElseThrow().topics().get(1).id();
        a = newLearner();
    }

    @Test
    void exportsAnApkgThatAnIndependentReaderReadsAsAnkiWould() throws Exception {
        List<String> generated = generate(a, topicId, 6);
        assertThat(generated).isNotEmpty();
        String basic = create(a, topicId, Map.of("type", "basic", "front", "What does <SET> do?",
                "back", "Stores a string\nunder a key & returns \"OK\"."));
        String reversed = create(a, week2, Map.of("type", "reversed", "front", "LRU",
                "back", "Evicts the least recently used key first."));
        String cloze = create(a, topicId, Map.of("type", "cloze",
                "text", "{{c1::Redis}} keeps its dataset in {{c2::memory::where?}}."));
        suspend(a, reversed);
        jdbc.sql("UPDATE card SET tags = '[\"exam\", \"hard one\"]' WHERE id = ?::uuid").param(basic).update();

        byte[] apkg = http.get().uri("/api/roadmaps/" + roadmapId + "/cards/export?format=apkg")
                .header(HEADER, a).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"" + roadmapId + ".apkg\"")
                .expectBody(byte[].class).returnResult().getResponseBody();
        JsonNode read = readWithAnkiReader(apkg);

        assertThat(read.path("version").asInt()).isEqualTo(11);
        assertThat(strings(read.path("decks"))).contains("Caching drill", "Caching drill::Week 1: Redis basics",
                "Caching drill::Week 2: Eviction");
        Map<String, JsonNode> models = new HashMap<>();
        read.path("models").forEach(m -> models.put(m.path("name").asString(), m));
        assertThat(models).containsKeys("Basic", "Basic (and reversed card)", "Cloze");
        assertThat(strings(models.get("Basic").path("fields"))).containsExactly("Front", "Back", "Source", "Quote");
        assertThat(strings(models.get("Cloze").path("fields"))).containsExactly("Text", "Back Extra", "Source",
                "Quote");
        assertThat(strings(models.get("Basic (and reversed card)").path("templates"))).hasSize(2);

        Map<String, JsonNode> notes = new HashMap<>();
        read.path("notes").forEach(n -> notes.put(n.path("guid").asString(), n));
        assertThat(notes).hasSize(generated.size() + 3);
        JsonNode b = notes.get(AnkiIds.guid(UUID.fromString(basic)));
        assertThat(b.path("model").asString()).isEqualTo("Basic");
        assertThat(b.path("fields").path("Front").asString()).isEqualTo("What does &lt;SET&gt; do?");
        assertThat(b.path("fields").path("Back").asString())
                .isEqualTo("Stores a string<br>under a key &amp; returns &quot;OK&quot;.");
        assertThat(strings(b.path("tags"))).containsExactly("groundwork::" + roadmapId,
                "groundwork::" + roadmapId + "::week-1", "exam", "hard_one");
        assertThat(b.path("cards")).hasSize(1);
        assertThat(b.path("cards").get(0).path("deck").asString()).isEqualTo("Caching drill::Week 1: Redis basics");
        assertThat(b.path("cards").get(0).path("question").asString()).isEqualTo("What does &lt;SET&gt; do?");
        assertThat(b.path("cards").get(0).path("queue").asInt()).isZero();
        JsonNode r = notes.get(AnkiIds.guid(UUID.fromString(reversed)));
        assertThat(r.path("model").asString()).isEqualTo("Basic (and reversed card)");
        assertThat(r.path("cards")).hasSize(2);
        r.path("cards").forEach(card -> assertThat(card.path("queue").asInt()).as("suspended").isEqualTo(-1));
        assertThat(r.path("cards").get(0).path("deck").asString()).isEqualTo("Caching drill::Week 2: Eviction");
        JsonNode c = notes.get(AnkiIds.guid(UUID.fromString(cloze)));
        assertThat(c.path("model").asString()).isEqualTo("Cloze");
        assertThat(c.path("cards")).hasSize(2);
        JsonNode g = notes.get(AnkiIds.guid(UUID.fromString(generated.get(0))));
        Map<String, Object> anchor = anchor(generated.get(0));
        assertThat(g.path("fields").path("Source").asString())
                .startsWith("<a href=\"" + FieldHtml.attribute((String) anchor.get("resourceUrl")) + "\"");
        assertThat(FieldHtml.text(g.path("fields").path("Quote").asString()).text()).isEqualTo(anchor.get("quote"));
    }

    @Test
    void anApkgRoundTripGivesAnotherLearnerTheSameCardsFieldsTagsAnchorsAndGuids() {
        List<String> generated = generate(a, topicId, 6);
        String basic = create(a, topicId, Map.of("type", "basic", "front", "Why  two spaces?",
                "back", "Kept\n  as typed."));
        create(a, week2, Map.of("type", "reversed", "front", "LFU", "back", "Evicts the least frequently used key."));
        create(a, topicId, Map.of("type", "cloze", "text", "{{c1::Redis}} persists to {{c2::disk}}.",
                "back", "RDB or AOF"));
        jdbc.sql("UPDATE card SET tags = '[\"exam\"]', guid = 'kept-guid' WHERE id = ?::uuid").param(basic).update();
        suspend(a, generated.get(0));

        byte[] apkg = export(a, "/api/roadmaps/" + roadmapId, "apkg");
        String b = newLearner();
        Map<String, Object> report = importFile(b, "/api/roadmaps/" + roadmapId, "cards.apkg", apkg, 200);

        int total = generated.size() + 3;
        assertThat(report).containsEntry("imported", total).containsEntry("skipped", 0).containsEntry("failed", 0);
        assertThat(cardsOf(b)).isEqualTo(cardsOf(a));
        assertThat(jdbc.sql("SELECT count(*) FROM card WHERE learner_id = ?::uuid AND origin_kind = 'imported'")
                .param(b).query(Integer.class).single()).isEqualTo(total);
        assertThat(jdbc.sql("SELECT count(*) FROM card WHERE learner_id = ?::uuid AND anchor_chunk_id IS NOT NULL")
                .param(b).query(Integer.class).single()).as("anchors found again in the stored chunks")
                .isEqualTo(generated.size());

        Map<String, Object> again = importFile(b, "/api/roadmaps/" + roadmapId, "cards.apkg", apkg, 200);
        assertThat(again).containsEntry("imported", 0).containsEntry("skipped", total).containsEntry("failed", 0);
        assertThat(((List<Map<String, Object>>) again.get("rows"))).allSatisfy(row ->
                assertThat(row).containsEntry("status", "skipped"));

        byte[] reExported = export(b, "/api/roadmaps/" + roadmapId, "apkg");
        assertThat(guids(reExported)).as("a re-export keeps the GUIDs, so Anki updates its notes")
                .isEqualTo(guids(apkg));
    }

    @Test
    void reviewHistoryTravelsToAnkiAndBack() throws Exception {
        String card = create(a, topicId, Map.of("type", "reversed", "front", "RDB", "back", "A point-in-time snapshot."));
        for (Object[] grade : new Object[][] {{"good", 1, 4200}, {"again", 2, 9000}, {"good", 1, 3100},
                {"easy", 2, 2500}}) {
            http.post().uri("/api/cards/" + card + "/reviews").header(HEADER, a)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("rating", grade[0],
                            "reviewId", UUID.randomUUID().toString(), "ordinal", grade[1], "durationMs", grade[2]))
                    .exchange().expectStatus().isOk();
            Thread.sleep(5);   // distinct review times: Anki's revlog is keyed by the millisecond
        }

        byte[] apkg = export(a, "/api/roadmaps/" + roadmapId, "apkg");
        JsonNode note = null;
        for (JsonNode n : readWithAnkiReader(apkg).path("notes")) {
            if (n.path("guid").asString().equals(AnkiIds.guid(UUID.fromString(card)))) {
                note = n;
            }
        }
        assertThat(note).isNotNull();
        List<Integer> eases = new ArrayList<>();
        note.path("cards").forEach(c -> c.path("revlog").forEach(r -> eases.add(r.path("ease").asInt())));
        assertThat(eases).containsExactlyInAnyOrder(3, 1, 3, 4);
        note.path("cards").forEach(c -> {
            assertThat(c.path("reps").asInt()).isEqualTo(2);
            assertThat(c.path("type").asInt()).as("graded out of new").isPositive();
            assertThat(c.path("data").asString()).contains("\"s\":");
        });

        String b = newLearner();
        Map<String, Object> report = importFile(b, "/api/roadmaps/" + roadmapId, "cards.apkg", apkg, 200);
        assertThat(report).containsEntry("imported", 1).containsEntry("reviews", 4);
        String imported = (String) ((List<Map<String, Object>>) report.get("rows")).get(0).get("cardId");
        List<Map<String, Object>> logA = reviewLog(a, card);
        List<Map<String, Object>> logB = reviewLog(b, imported);
        assertThat(logB).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(logB.get(i)).containsEntry("ordinal", logA.get(i).get("ordinal"))
                    .containsEntry("rating", logA.get(i).get("rating"))
                    .containsEntry("duration_ms", logA.get(i).get("duration_ms"))
                    .containsEntry("reviewed_at", logA.get(i).get("reviewed_at"))
                    .containsEntry("origin", "imported");
        }
        assertThat(itemStates(b, imported)).as("the same schedule, rebuilt from the same grades")
                .isEqualTo(itemStates(a, card));
    }

    @Test
    void aCsvRoundTripGivesTheSameCards() {
        List<String> generated = generate(a, topicId, 4);
        create(a, week2, Map.of("type", "basic", "front", "Comma, \"quote\" and\nnewline", "back", "All kept."));
        create(a, topicId, Map.of("type", "cloze", "text", "{{c1::AOF}} logs every write."));

        for (String format : List.of("csv", "tsv")) {
            byte[] text = export(a, "/api/roadmaps/" + roadmapId, format);
            String csv = new String(text, StandardCharsets.UTF_8);
            assertThat(csv).startsWith("#separator:" + (format.equals("csv") ? "Comma" : "Tab") + "\n#html:true\n")
                    .contains("#guid column:1\n", "#notetype column:2\n", "#deck column:3\n", "#tags column:8\n");
            String b = newLearner();
            Map<String, Object> report = importFile(b, "/api/roadmaps/" + roadmapId, "cards." + format, text, 200);
            assertThat(report).containsEntry("imported", generated.size() + 2).containsEntry("failed", 0);
            assertThat(cardsOf(b)).isEqualTo(cardsOf(a));
        }
    }

    @Test
    void importPlacesCardsByDeckIntoARoadmapAndAllOnATopicIntoATopic() {
        String csv = """
                #separator:Tab
                #deck column:3
                Q on week 2\tA\tCaching drill::Week 2: Eviction
                Q on no topic\tA\tSomewhere else
                """;
        Map<String, Object> report = importFile(a, "/api/roadmaps/" + roadmapId, "cards.tsv", bytes(csv), 200);
        assertThat(report).containsEntry("imported", 2);
        assertThat(topicOf(a, "Q on week 2")).isEqualTo(week2);
        assertThat(topicOf(a, "Q on no topic")).as("the first top-level topic").isEqualTo(topicId);

        importFile(a, "/api/topics/" + week2, "more.csv",
                bytes("Another question,Another answer\n"), 200);
        assertThat(topicOf(a, "Another question")).isEqualTo(week2);
        assertThat(((List<Map<String, Object>>) get(a, "/api/topics/" + week2 + "/cards"))).extracting(c -> c.get("front"))
                .contains("Q on week 2", "Another question");
    }

    @Test
    void duplicatesAreSkippedAndCounted() {
        create(a, topicId, Map.of("type", "basic", "front", "What is Redis?", "back", "An in-memory store."));
        String csv = """
                front,back
                What is Redis?,An in-memory store.
                What is AOF?,The append-only file.
                WHAT is aof?,The append only file
                """;
        Map<String, Object> report = importFile(a, "/api/roadmaps/" + roadmapId, "cards.csv", bytes(csv), 200);
        assertThat(report).containsEntry("imported", 1).containsEntry("skipped", 2).containsEntry("failed", 0);
        assertThat((List<Map<String, Object>>) report.get("rows")).extracting(r -> r.get("status"))
                .containsExactly("skipped", "imported", "skipped");
        assertThat(count(a)).isEqualTo(2);
    }

    @Test
    void scriptsInFieldsAreRemovedAndReportedPerRow() {
        String csv = "#html:true\n#separator:Comma\n"
                + "\"<b>Safe</b> front<script>alert('x')</script>\",\"<img src=x onerror=alert(1)>back <i>text</i>\"\n"
                + "plain front,plain back\n";
        Map<String, Object> report = importFile(a, "/api/roadmaps/" + roadmapId, "cards.csv", bytes(csv), 200);
        assertThat(report).containsEntry("imported", 2);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("rows");
        assertThat((String) rows.get(0).get("reason")).contains("Unsafe HTML");
        assertThat(rows.get(1).get("reason")).isNull();
        Map<String, Object> card = (Map<String, Object>) get(a, "/api/cards/" + rows.get(0).get("cardId"));
        assertThat(card).containsEntry("front", "Safe front").containsEntry("back", "back text");
        assertThat(jdbc.sql("SELECT count(*) FROM card WHERE learner_id = ?::uuid AND (front || back) ~* '<|script|onerror'")
                .param(a).query(Integer.class).single()).isZero();
    }

    @Test
    void badFilesAreClearProblemsAndImportNothing() throws IOException {
        String uri = "/api/roadmaps/" + roadmapId;
        problem(importSpec(a, uri, "deck.apkg", bytes("just some text")), 422, "import-unreadable");
        problem(importSpec(a, uri, "deck.apkg", ApkgTest.zip("notes.txt", bytes("hello"))), 422,
                "import-unreadable");
        problem(importSpec(a, uri, "deck.apkg", ApkgTest.zip("collection.anki2", bytes("not an sqlite file"))),
                422, "import-unreadable");
        problem(importSpec(a, uri, "deck.apkg", ApkgTest.zip("collection.anki21b", new byte[] {40, -75, 47, -3})),
                422, "import-anki-too-new");
        problem(importSpec(a, uri, "bomb.apkg", ApkgTest.zip("collection.anki2", new byte[48 * 1024 * 1024])), 413,
                "import-too-large");
        problem(importSpec(a, uri, "huge.csv", bytes("question,answer\n".repeat(100_000))), 413, "import-too-large");
        problem(importSpec(a, uri, "big.csv", new byte[3 * 1024 * 1024 + 1]), 413, "import-too-large");
        problem(importSpec(a, uri, "wide.csv", bytes("a,b,c,d,e\n1,2,3,4,5\n")), 422, "import-bad-columns");
        problem(importSpec(a, uri, "narrow.csv", bytes("only one column\n")), 422, "import-bad-columns");
        problem(importSpec(a, uri, "binary.csv", new byte[] {0, 1, 2, (byte) 0xFF}), 422, "import-unreadable");
        MultipartBodyBuilder wrongPart = new MultipartBodyBuilder();
        wrongPart.part("upload", new ByteArrayResource(bytes("q,a\n")) {
            @Override
            public String getFilename() {
                return "cards.csv";
            }
        });
        problem(http.post().uri(uri + "/cards/import").header(HEADER, a).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(wrongPart.build())).exchange(), 400, "bad-request");
        assertThat(count(a)).as("no bad file imported anything").isZero();
    }

    @Test
    void eachLearnerExportsTheirOwnCardsAndUnknownScopesAreNotFound() {
        String b = newLearner();
        create(a, topicId, Map.of("type", "basic", "front", "A's question", "back", "A's answer"));
        create(b, topicId, Map.of("type", "basic", "front", "B's question", "back", "B's answer"));

        String ofA = new String(export(a, "/api/topics/" + topicId, "csv"), StandardCharsets.UTF_8);
        String ofB = new String(export(b, "/api/roadmaps/" + roadmapId, "csv"), StandardCharsets.UTF_8);
        assertThat(ofA).contains("A's question").doesNotContain("B's question");
        assertThat(ofB).contains("B's question").doesNotContain("A's question");
        http.get().uri("/api/topics/" + topicId + "/cards/export?format=csv").header(HEADER, a).exchange()
                .expectHeader().valueEquals("Content-Disposition",
                        "attachment; filename=\"" + roadmapId + "-week-1.csv\"");

        String unknownTopic = UUID.randomUUID().toString();
        problem(http.get().uri("/api/roadmaps/no-such-roadmap/cards/export").header(HEADER, a).exchange(), 404,
                "not-found");
        problem(http.get().uri("/api/topics/" + unknownTopic + "/cards/export").header(HEADER, a).exchange(), 404,
                "not-found");
        problem(http.get().uri("/api/topics/not-a-uuid/cards/export").header(HEADER, a).exchange(), 404,
                "not-found");
        problem(importSpec(a, "/api/roadmaps/no-such-roadmap", "c.csv", bytes("q,a\n")), 404, "not-found");
        problem(importSpec(a, "/api/topics/" + unknownTopic, "c.csv", bytes("q,a\n")), 404, "not-found");
        problem(http.get().uri("/api/roadmaps/" + roadmapId + "/cards/export?format=pdf").header(HEADER, a)
                .exchange(), 400, "bad-request");
        assertThat(count(a)).isEqualTo(1);
    }

    // --- helpers ---

    private String newLearner() {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO learner (id, name) VALUES (?::uuid, 'test')").param(id).update();
        return id;
    }

    private List<String> generate(String learner, String topic, int count) {
        List<ServerSentEvent<Map<String, Object>>> events = http.post().uri("/api/topics/" + topic + "/cards/generate")
                .header(HEADER, learner).contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("count", count)).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
                }).getResponseBody().filter(e -> "card".equals(e.event())).collectList()
                .block(Duration.ofSeconds(90));
        return events.stream().map(e -> (String) e.data().get("id")).toList();
    }

    private String create(String learner, String topic, Map<String, Object> body) {
        return (String) http.post().uri("/api/topics/" + topic + "/cards").header(HEADER, learner)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(JSON_MAP).returnResult().getResponseBody().get("id");
    }

    private void suspend(String learner, String cardId) {
        http.patch().uri("/api/cards/" + cardId).header(HEADER, learner).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("suspended", true)).exchange().expectStatus().isOk();
    }

    private Object get(String learner, String uri) {
        return http.get().uri(uri).header(HEADER, learner).exchange().expectStatus().isOk()
                .expectBody(Object.class).returnResult().getResponseBody();
    }

    private Map<String, Object> anchor(String cardId) {
        return (Map<String, Object>) ((Map<String, Object>) get(a, "/api/cards/" + cardId)).get("anchor");
    }

    private byte[] export(String learner, String scope, String format) {
        return http.get().uri(scope + "/cards/export?format=" + format).header(HEADER, learner).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec importSpec(String learner, String scope, String filename, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return http.post().uri(scope + "/cards/import").header(HEADER, learner)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }

    private Map<String, Object> importFile(String learner, String scope, String filename, byte[] content,
            int status) {
        return importSpec(learner, scope, filename, content).expectStatus().isEqualTo(status).expectBody(JSON_MAP)
                .returnResult().getResponseBody();
    }

    private static void problem(WebTestClient.ResponseSpec response, int status, String type) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:" + type)
                .jsonPath("$.detail").exists();
    }

    private int count(String learner) {
        return jdbc.sql("SELECT count(*) FROM card WHERE learner_id = ?::uuid").param(learner).query(Integer.class)
                .single();
    }

    private String topicOf(String learner, String front) {
        return jdbc.sql("SELECT topic_id::text FROM card WHERE learner_id = ?::uuid AND front = ?")
                .params(learner, front).query(String.class).single();
    }

    /** Everything a round trip keeps, by note GUID (the card's own, or the one derived from its id). */
    private Map<String, List<Object>> cardsOf(String learner) {
        Map<String, List<Object>> cards = new HashMap<>();
        jdbc.sql("""
                SELECT id, guid, topic_id::text, type, front, back, text, anchor_chunk_id::text, anchor_url,
                    anchor_title, anchor_heading_path::text, anchor_page, anchor_quote, anchor_start, anchor_end,
                    anchor_chunk_hash, anchor_document_id::text, suspended, tags::text
                FROM card WHERE learner_id = ?::uuid AND deleted_at IS NULL
                """).param(learner).query(rs -> {
                    String guid = rs.getString("guid") != null ? rs.getString("guid")
                            : AnkiIds.guid(rs.getObject("id", UUID.class));
                    List<Object> values = new ArrayList<>();
                    for (int i = 3; i <= 19; i++) {
                        values.add(rs.getObject(i));
                    }
                    cards.put(guid, values);
                });
        return cards;
    }

    private List<Map<String, Object>> reviewLog(String learner, String card) {
        return jdbc.sql("""
                SELECT i.ordinal, l.rating, l.duration_ms, date_trunc('milliseconds', l.reviewed_at)::text AS reviewed_at,
                    l.origin FROM review_log l
                JOIN card_item i ON i.id = l.item_id
                WHERE l.learner_id = ?::uuid AND l.card_id = ?::uuid ORDER BY l.reviewed_at, i.ordinal
                """).params(learner, card).query().listOfRows();
    }

    /** State, step, stability, difficulty, reps and lapses of each item (due times carry per-item fuzz). */
    private List<Map<String, Object>> itemStates(String learner, String card) {
        return jdbc.sql("""
                SELECT ordinal, state, step, round(stability::numeric, 9) AS s, round(difficulty::numeric, 9) AS d,
                    last_review::text, reps, lapses FROM card_item
                WHERE learner_id = ?::uuid AND card_id = ?::uuid ORDER BY ordinal
                """).params(learner, card).query().listOfRows();
    }

    private List<String> guids(byte[] apkg) {
        List<String> guids = new ArrayList<>();
        try {
            readWithAnkiReader(apkg).path("notes").forEach(n -> guids.add(n.path("guid").asString()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return guids.stream().sorted().toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Runs scripts/apkg-reader (node, anki-reader) over the package; installs its locked dependencies once. */
    static JsonNode readWithAnkiReader(byte[] apkg) throws IOException, InterruptedException {
        Path dir = Path.of("..", "scripts", "apkg-reader").toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("node_modules"))) {
            run(dir, "npm", "ci", "--no-audit", "--no-fund");
        }
        Path file = Files.createTempFile("export", ".apkg");
        try {
            Files.write(file, apkg);
            return JSON.readTree(run(dir, "node", "read-apkg.mjs", file.toString()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + err).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
