package dev.groundwork.api.interview;

import static dev.groundwork.api.interview.InterviewStreams.JSON;
import static dev.groundwork.api.interview.InterviewStreams.answer;
import static dev.groundwork.api.interview.InterviewStreams.as;
import static dev.groundwork.api.interview.InterviewStreams.assertAnchored;
import static dev.groundwork.api.interview.InterviewStreams.assertWellFormed;
import static dev.groundwork.api.interview.InterviewStreams.data;
import static dev.groundwork.api.interview.InterviewStreams.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.GroundworkApplication;
import dev.groundwork.api.testing.MirrorAppTest;
import dev.groundwork.api.testing.TwoLearners;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Offline mock interviews on a topic ingested from the mirror: sessions, grading streams, reports, cards, isolation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingest.background=false")
@AutoConfigureWebTestClient(timeout = "PT90S")
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class, TwoLearners.class})
class InterviewApiIT extends MirrorAppTest {

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcConnectionDetails database;

    String topicId;

    @BeforeEach
    void ingested() {
        topicId = redisTopic();
    }

    @Test
    void aSessionAsksGroundedQuestionsWithoutShowingTheirRubric() {
        Map<String, Object> session = start(http, Map.of("topicId", topicId, "questions", 2, "level", "senior"), null);

        assertThat(session).containsEntry("level", "senior").containsEntry("status", "active");
        assertThat((Map<String, Object>) session.get("scope")).containsEntry("kind", "topic").containsEntry("id", topicId);
        List<Map<String, Object>> questions = questions(session);
        assertThat(questions).hasSize(2);
        for (Map<String, Object> q : questions) {
            assertThat((String) q.get("text")).endsWith("?").hasSizeGreaterThan(20);
            assertThat((String) q.get("kind")).isIn(QuestionShapes.KINDS);
            assertThat(q).containsEntry("status", "pending").containsEntry("result", null)
                    .doesNotContainKeys("rubric", "reference");
            assertThat((List<Map<String, Object>>) q.get("sources")).isNotEmpty()
                    .allSatisfy(s -> assertThat((String) s.get("url")).startsWith("https://redis.io/"));
        }
        String stored = jdbc.sql("SELECT rubric::text FROM interview_question WHERE id = CAST(? AS uuid)")
                .param(questions.get(0).get("id")).query(String.class).single();
        assertThat(stored).contains("chunkId");
    }

    @Test
    void answeringStreamsPointsScoreReferenceAndAFollowUpThenStoresTheResult() {
        Map<String, Object> session = start(http, Map.of("topicId", topicId, "questions", 1), "b");
        String sessionId = (String) session.get("id");
        Map<String, Object> question = questions(session).get(0);

        var events = answer(http, sessionId, (String) question.get("id"),
                "Redis keeps data in memory, which makes reads fast. It has data types such as strings, lists and"
                        + " hashes. I would not use it as the only store for data I cannot lose.", "b");

        assertWellFormed(events, jdbc);
        Map<String, Object> done = data(events, "done").get(0);
        assertThat(done).containsEntry("mode", "offline").containsEntry("questionId", question.get("id"));
        assertThat((String) ((Map<String, Object>) data(events, "score").get(0).get("overall")).get("reason"))
                .isNotBlank();
        assertThat((String) data(events, "score").get(0).get("note")).contains("offline");
        assertThat(data(events, "followup")).as("a weak answer gets a follow-up").hasSize(1);
        Map<String, Object> followUp = data(events, "followup").get(0);
        assertThat(followUp).containsEntry("parentId", question.get("id")).containsEntry("status", "pending");

        // resumed: the answered question carries its result, the follow-up comes next
        Map<String, Object> resumed = get("/api/interviews/" + sessionId, "b");
        List<Map<String, Object>> questions = questions(resumed);
        assertThat(questions).extracting(q -> q.get("id")).containsExactly(question.get("id"), followUp.get("id"));
        Map<String, Object> result = (Map<String, Object>) questions.get(0).get("result");
        assertThat(result).containsEntry("durationMs", 42_000).containsEntry("followupId", followUp.get("id"));
        assertThat((List<Map<String, Object>>) result.get("points")).hasSize(data(events, "point").size());
        assertThat((String) ((Map<String, Object>) result.get("reference")).get("text")).contains("[1]");

        // the follow-up is answered the same way, and gets no follow-up of its own
        var second = answer(http, sessionId, (String) followUp.get("id"), "I am not sure about this one at all,"
                + " honestly.", "b");
        assertWellFormed(second, jdbc);
        assertThat(data(second, "followup")).isEmpty();
        assertThat(data(second, "point")).allSatisfy(p -> assertThat(p).containsEntry("verdict", "missed"));

        // a second answer to the same question is refused
        as(http.post().uri("/api/interviews/" + sessionId + "/questions/" + question.get("id") + "/answer")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("answer", "Again.")), "b")
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:interview-question-answered");
    }

    @Test
    void theReportListsMissesAndMakesThemCardsOnce() {
        String me = java.util.UUID.randomUUID().toString();  // a learner of its own: progress counts all their answers
        Map<String, Object> session = start(http, Map.of("topicId", topicId, "questions", 2), me);
        String sessionId = (String) session.get("id");
        List<Map<String, Object>> questions = questions(session);
        answer(http, sessionId, (String) questions.get(0).get("id"), "Redis is a database. It is quite fast.", me);
        skip(sessionId, (String) questions.get(1).get("id"), me).expectStatus().isOk();

        Map<String, Object> report = get("/api/interviews/" + sessionId + "/report", me);
        Map<String, Object> overall = (Map<String, Object>) report.get("overall");
        assertThat(overall).containsEntry("answered", 1).containsEntry("skipped", 1);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("questions");
        List<Map<String, Object>> missed = (List<Map<String, Object>>) rows.get(0).get("missed");
        assertThat(missed).isNotEmpty();
        missed.forEach(p -> assertAnchored(jdbc, (Map<String, Object>) p.get("anchor")));
        assertThat((List<Map<String, Object>>) report.get("weakestTopics")).extracting(t -> t.get("topicId"))
                .containsExactly(topicId);
        assertThat((List<Map<String, Object>>) report.get("studyNext")).isNotEmpty();

        Map<String, Object> made = post("/api/interviews/" + sessionId + "/cards", me);
        assertThat((Integer) made.get("created")).isEqualTo(missed.size());
        List<Map<String, Object>> cards = (List<Map<String, Object>>) made.get("cards");
        for (Map<String, Object> card : cards) {
            Map<String, Object> stored = get("/api/cards/" + card.get("id"), me);
            assertThat((Map<String, Object>) stored.get("origin")).containsEntry("kind", "interview");
            assertThat(((Map<String, Object>) stored.get("anchor")).get("chunkId")).isNotNull();
        }
        // straight into the review queue
        Map<String, Object> queue = get("/api/reviews/queue?topicId=" + topicId + "&limit=50", me);
        assertThat(queue.toString()).contains((String) cards.get(0).get("id"));

        Map<String, Object> again = post("/api/interviews/" + sessionId + "/cards", me);
        assertThat(again).containsEntry("created", 0).containsEntry("duplicates", missed.size());

        // the interview and the new cards count towards the topic's progress, for this learner only
        String roadmapId = (String) ((Map<String, Object>) report.get("scope")).get("roadmapId");
        Map<String, Object> topic = topicProgress(roadmapId, me);
        assertThat((Map<String, Object>) topic.get("interview")).containsEntry("answered", 1);
        assertThat(((Number) ((Map<String, Object>) topic.get("cards")).get("count")).intValue())
                .isGreaterThanOrEqualTo(missed.size());
        // a weak answer (well under 1.5 of 4) on the topic's latest interview question: it needs revision
        assertThat(((Number) ((Map<String, Object>) topic.get("interview")).get("recent")).doubleValue())
                .isLessThan(1.5);
        assertThat(topic.get("state")).isEqualTo("needs-revision");
        assertThat(topicProgress(roadmapId, java.util.UUID.randomUUID().toString()).get("state"))
                .isEqualTo("not-started");
    }

    @Test
    void anotherLearnersSessionIsNotFound() {
        Map<String, Object> session = start(http, Map.of("topicId", topicId, "questions", 1), null);
        String sessionId = (String) session.get("id");
        String questionId = (String) questions(session).get(0).get("id");

        for (String path : List.of("/api/interviews/" + sessionId, "/api/interviews/" + sessionId + "/report")) {
            as(http.get().uri(path), "b").exchange().expectStatus().isNotFound()
                    .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:not-found");
        }
        as(http.post().uri("/api/interviews/" + sessionId + "/questions/" + questionId + "/answer")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("answer", "Mine now.")), "b")
                .exchange().expectStatus().isNotFound();
        skip(sessionId, questionId, "b").expectStatus().isNotFound();
        as(http.post().uri("/api/interviews/" + sessionId + "/cards"), "b").exchange().expectStatus().isNotFound();
        as(http.post().uri("/api/interviews/" + sessionId + "/end"), "b").exchange().expectStatus().isNotFound();
        as(http.put().uri("/api/interviews/" + sessionId + "/questions/" + questionId + "/draft")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("answer", "x")), "b")
                .exchange().expectStatus().isNotFound();
        assertThat(http.get().uri("/api/interviews").header(TwoLearners.HEADER, "b").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                .doesNotContain(sessionId);
        // the owner still has it, unanswered
        assertThat(questions(get("/api/interviews/" + sessionId, null)).get(0)).containsEntry("status", "pending");
        // and the other way round: learner B's session is not found for the first learner
        Map<String, Object> theirs = start(http, Map.of("topicId", topicId, "questions", 1), "b");
        http.get().uri("/api/interviews/" + theirs.get("id")).exchange().expectStatus().isNotFound();
        http.get().uri("/api/interviews/" + theirs.get("id") + "/report").exchange().expectStatus().isNotFound();
        http.post().uri("/api/interviews/" + theirs.get("id") + "/questions/" + questions(theirs).get(0).get("id")
                        + "/answer").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("answer", "Mine now."))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void draftsAreKeptAndAnEndedSessionTakesNoMoreAnswers() {
        Map<String, Object> session = start(http, Map.of("topicId", topicId, "questions", 1, "level", "junior"), null);
        String sessionId = (String) session.get("id");
        String questionId = (String) questions(session).get(0).get("id");
        http.put().uri("/api/interviews/" + sessionId + "/questions/" + questionId + "/draft")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("answer", "Half an answer"))
                .exchange().expectStatus().isNoContent();
        assertThat(questions(get("/api/interviews/" + sessionId, null)).get(0)).containsEntry("draft", "Half an answer");

        Map<String, Object> ended = post("/api/interviews/" + sessionId + "/end", null);
        assertThat(ended).containsEntry("status", "ended");
        http.post().uri("/api/interviews/" + sessionId + "/questions/" + questionId + "/answer")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("answer", "Too late."))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:interview-ended");
        List<Map<String, Object>> listed = http.get().uri("/api/interviews").exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody().stream()
                .map(m -> (Map<String, Object>) m).toList();
        assertThat(listed).anySatisfy(s -> assertThat(s).containsEntry("id", sessionId).containsEntry("status", "ended")
                .containsEntry("questions", 1).containsEntry("answered", 0));
    }

    @Test
    void aSessionResumesOnAFreshlyStartedApp() {
        Map<String, Object> session = start(http, Map.of("topicId", topicId, "questions", 2), "b");
        String sessionId = (String) session.get("id");
        List<Map<String, Object>> questions = questions(session);
        answer(http, sessionId, (String) questions.get(0).get("id"), "Redis keeps data in memory.", "b");
        as(http.put().uri("/api/interviews/" + sessionId + "/questions/" + questions.get(1).get("id") + "/draft")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("answer", "Started before the restart")), "b")
                .exchange().expectStatus().isNoContent();

        // a second app on the same database, as after a restart: nothing of the session lived in the first one
        try (ConfigurableApplicationContext restarted = new SpringApplication(GroundworkApplication.class,
                HashingEmbeddingConfiguration.class, TwoLearners.class).run(
                "--spring.datasource.url=" + database.getJdbcUrl(), "--spring.datasource.username=" + database
                        .getUsername(), "--spring.datasource.password=" + database.getPassword(), "--server.port=0",
                "--server.address=127.0.0.1", "--groundwork.ingest.background=false", "--logging.level.root=WARN")) {
            String port = restarted.getEnvironment().getProperty("local.server.port");
            WebTestClient other = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                    .responseTimeout(java.time.Duration.ofSeconds(90)).build();
            Map<String, Object> resumed = as(other.get().uri("/api/interviews/" + sessionId), "b").exchange()
                    .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
            List<Map<String, Object>> after = questions(resumed);
            assertThat(after.get(0)).containsEntry("status", "answered");
            assertThat((Map<String, Object>) after.get(0).get("result")).containsEntry("answer",
                    "Redis keeps data in memory.");
            Map<String, Object> pending = after.stream().filter(q -> "pending".equals(q.get("status"))
                    && q.get("parentId") == null).findFirst().orElseThrow();
            assertThat(pending).containsEntry("draft", "Started before the restart");
            var events = answer(other, sessionId, (String) pending.get("id"), "Finished after the restart: Redis"
                    + " persists with snapshots and an append-only file.", "b");
            assertThat(data(events, "done")).hasSize(1);
        }
    }

    @Test
    void badRequestsAreProblemsAndChangeNothing() {
        int before = sessions();
        expectProblem(Map.of("topicId", topicId, "level", "principal"), 400, "bad-request");
        expectProblem(Map.of("topicId", topicId, "questions", 0), 400, "bad-request");
        expectProblem(Map.of("topicId", topicId, "questions", 16), 400, "bad-request");
        expectProblem(Map.of("topicId", topicId, "kinds", List.of("riddle")), 400, "bad-request");
        expectProblem(Map.of("topicId", topicId, "roadmapId", "x"), 400, "bad-request");
        expectProblem(Map.of(), 400, "bad-request");
        expectProblem(Map.of("topicId", "00000000-0000-0000-0000-00000000abcd"), 404, "not-found");
        expectProblem(Map.of("topicId", "not-a-uuid"), 404, "not-found");
        expectProblem(Map.of("roadmapId", "no-such-roadmap"), 404, "not-found");
        String empty = importer.importDocument("# Unknown plan\n## Week 1: Zyxwvut qwertyuiop\n".getBytes(
                StandardCharsets.UTF_8), "unknown-plan.md").roadmap().id();
        expectProblem(Map.of("roadmapId", empty), 422, "interview-no-material");
        assertThat(sessions()).isEqualTo(before);

        Map<String, Object> session = start(http, Map.of("topicId", topicId, "questions", 1), null);
        String url = "/api/interviews/" + session.get("id") + "/questions/" + questions(session).get(0).get("id")
                + "/answer";
        for (Map<String, Object> body : List.of(Map.<String, Object>of("answer", "  "),
                Map.<String, Object>of("answer", "x".repeat(10_001)),
                Map.<String, Object>of("answer", "fine", "durationMs", -5))) {
            http.post().uri(url).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:bad-request");
        }
        assertThat(questions(get("/api/interviews/" + session.get("id"), null)).get(0))
                .containsEntry("status", "pending");
    }

    private void expectProblem(Map<String, Object> body, int status, String type) {
        http.post().uri("/api/interviews").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:" + type)
                .jsonPath("$.detail").isNotEmpty();
    }

    private Map<String, Object> topicProgress(String roadmapId, String learner) {
        Map<String, Object> progress = get("/api/roadmaps/" + roadmapId + "/progress", learner);
        return ((List<Map<String, Object>>) progress.get("topics")).stream()
                .filter(t -> topicId.equals(t.get("topicId"))).findFirst().orElseThrow();
    }

    private int sessions() {
        return jdbc.sql("SELECT count(*) FROM interview_session").query(Integer.class).single();
    }

    private Map<String, Object> get(String path, String learner) {
        return as(http.get().uri(path), learner).exchange().expectStatus().isOk().expectBody(JSON).returnResult()
                .getResponseBody();
    }

    private Map<String, Object> post(String path, String learner) {
        return as(http.post().uri(path), learner).exchange().expectStatus().isOk().expectBody(JSON).returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec skip(String sessionId, String questionId, String learner) {
        return as(http.post().uri("/api/interviews/" + sessionId + "/questions/" + questionId + "/skip"), learner)
                .exchange();
    }

    static List<Map<String, Object>> questions(Map<String, Object> session) {
        return (List<Map<String, Object>>) session.get("questions");
    }
}
