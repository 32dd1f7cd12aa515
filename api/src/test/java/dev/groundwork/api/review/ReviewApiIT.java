package dev.groundwork.api.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.review.fsrs.ItemState;
import dev.groundwork.api.review.fsrs.State;
import dev.groundwork.api.testing.TestClock;
import dev.groundwork.api.testing.TwoLearners;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Reviewing over HTTP with a clock the test moves: the queue's order and intervals, learning steps, the daily new-card
 * limit, idempotent grading, undo, replaying the log, statistics, settings, bad input and two learners.
 */
@SuppressWarnings("unchecked")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingest.background=false")
@AutoConfigureWebTestClient
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class, TwoLearners.class, TestClock.class})
class ReviewApiIT {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    static final String ROADMAP = """
            # Review Plan

            ## Week 1: Caching
            - Cache-aside and write-through

            ## Week 2: Queues
            - Delivery guarantees
            """;

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReviewHistory history;

    String roadmapId;
    String week1;
    String week2;
    int made;

    @BeforeEach
    void freshCards() {
        TestClock.reset();
        jdbc.sql("TRUNCATE card, review_settings CASCADE").update();
        Map<String, Object> roadmap = http.post().uri("/api/roadmaps").contentType(MediaType.parseMediaType("text/markdown"))
                .bodyValue(ROADMAP).exchange().expectBody(JSON).returnResult().getResponseBody();
        roadmapId = (String) roadmap.get("id");
        List<Map<String, Object>> topics = (List<Map<String, Object>>) roadmap.get("topics");
        week1 = (String) topics.get(0).get("id");
        week2 = (String) topics.get(1).get("id");
    }

    @Test
    void aNewCardGoesThroughTheLearningStepsToReview() {
        String card = card(week1, null);
        Map<String, Object> item = only(queue("roadmapId=" + roadmapId, null));
        assertThat(((Map<String, Object>) item.get("card")).get("id")).isEqualTo(card);
        assertThat(schedule(item)).containsEntry("state", "new").containsEntry("due", null);
        Map<String, Map<String, Object>> intervals = (Map<String, Map<String, Object>>) item.get("intervals");
        assertThat(intervals.get("again")).containsEntry("seconds", 60).containsEntry("label", "1m");
        assertThat(intervals.get("good")).containsEntry("seconds", 600).containsEntry("label", "10m");
        assertThat((String) intervals.get("easy").get("label")).endsWith("d");

        Map<String, Object> graded = grade(card, "good", UUID.randomUUID(), null);
        assertThat((Map<String, Object>) graded.get("schedule")).containsEntry("state", "learning")
                .containsEntry("due", TestClock.now().plus(Duration.ofMinutes(10)).toString());
        Map<String, Object> left = queue("roadmapId=" + roadmapId, null);
        assertThat((Map<String, Object>) left.get("counts")).containsEntry("learning", 0).containsEntry("new", 0);
        assertThat(left.get("nextDue")).isEqualTo(TestClock.now().plus(Duration.ofMinutes(10)).toString());

        TestClock.advance(Duration.ofMinutes(11));
        item = only(queue("topicId=" + week1, null));
        assertThat(schedule(item)).containsEntry("state", "learning");
        Map<String, Object> review = grade(card, "good", UUID.randomUUID(), null);
        Map<String, Object> state = (Map<String, Object>) review.get("schedule");
        assertThat(state).containsEntry("state", "review").containsEntry("reps", 2);
        assertThat((Integer) state.get("scheduledDays")).isGreaterThanOrEqualTo(1);
        assertThat((Double) state.get("retrievability")).isEqualTo(1.0);
        assertThat(items(queue("roadmapId=" + roadmapId, null))).isEmpty();
    }

    @Test
    void theQueueShowsLearningThenTheLeastRememberedReviewsThenNewCards() {
        String wellKnown = card(week1, null);
        String shaky = card(week1, null);
        String learning = card(week2, null);
        grade(wellKnown, "easy", UUID.randomUUID(), null);      // review, long interval
        grade(shaky, "easy", UUID.randomUUID(), null);
        TestClock.advance(Duration.ofDays(1));
        grade(shaky, "again", UUID.randomUUID(), null);         // forgotten: relearning …
        TestClock.advance(Duration.ofMinutes(11));
        grade(shaky, "good", UUID.randomUUID(), null);          // … and back to review with a lower stability
        TestClock.advance(Duration.ofDays(120));                  // both long overdue, shaky more forgotten
        grade(learning, "again", UUID.randomUUID(), null);        // learning, due in a minute
        String fresh = card(week2, null);
        TestClock.advance(Duration.ofMinutes(2));

        List<Map<String, Object>> items = items(queue(null, null));
        assertThat(items).extracting(i -> ((Map<String, Object>) i.get("card")).get("id"))
                .containsExactly(learning, shaky, wellKnown, fresh);
        assertThat(items).extracting(i -> schedule(i).get("state"))
                .containsExactly("learning", "review", "review", "new");
        assertThat((Double) schedule(items.get(1)).get("retrievability"))
                .isLessThan((Double) schedule(items.get(2)).get("retrievability"));
        for (Map<String, Object> item : items) {
            Map<String, Map<String, Object>> intervals = (Map<String, Map<String, Object>>) item.get("intervals");
            assertThat(intervals.keySet()).containsExactly("again", "hard", "good", "easy");
            assertThat((Integer) intervals.get("again").get("seconds"))
                    .isLessThanOrEqualTo((Integer) intervals.get("hard").get("seconds"));
            assertThat((Integer) intervals.get("good").get("seconds"))
                    .isLessThanOrEqualTo((Integer) intervals.get("easy").get("seconds"));
        }
        assertThat(items(queue("topicId=" + week2, null))).extracting(i -> ((Map<String, Object>) i.get("card")).get("id"))
                .containsExactly(learning, fresh);
        assertThat(items(queue("roadmapId=" + roadmapId + "&limit=2", null))).hasSize(2);
    }

    @Test
    void newCardsStopAtTheDailyLimitAndComeBackTomorrow() {
        http.put().uri("/api/review/settings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("dailyNewLimit", 2)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.dailyNewLimit").isEqualTo(2).jsonPath("$.desiredRetention").isEqualTo(0.9);
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cards.add(card(week1, null));
        }
        assertThat(items(queue(null, null))).hasSize(2);
        grade(cards.get(0), "easy", UUID.randomUUID(), null);
        Map<String, Object> queue = queue(null, null);
        assertThat(items(queue)).hasSize(1);
        assertThat((Map<String, Object>) queue.get("counts")).containsEntry("new", 1);
        grade(cards.get(1), "easy", UUID.randomUUID(), null);
        queue = queue(null, null);
        assertThat(items(queue)).isEmpty();
        assertThat(queue.get("nextDue")).as("tomorrow's new cards").isEqualTo("2026-03-03T04:00:00Z");

        TestClock.advance(Duration.ofDays(1));
        assertThat(items(queue(null, null))).extracting(i -> schedule(i).get("state")).containsOnly("new").hasSize(2);
    }

    @Test
    void gradingIsIdempotentOnTheReviewId() {
        String card = card(week1, null);
        UUID reviewId = UUID.randomUUID();
        Map<String, Object> first = grade(card, "good", reviewId, 4200L);
        TestClock.advance(Duration.ofSeconds(5));
        Map<String, Object> retried = grade(card, "good", reviewId, 4200L);
        assertThat(retried).isEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM review_log").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT duration_ms FROM review_log").query(Integer.class).single()).isEqualTo(4200);

        String other = card(week1, null);
        expectProblem(post("/api/cards/" + other + "/reviews", Map.of("rating", "good", "reviewId", reviewId.toString()),
                null), 409, "review-id-reused");
        assertThat(jdbc.sql("SELECT count(*) FROM review_log").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aCardEditedBetweenShowingAndGradingStillTakesTheGrade() {
        String card = card(week1, null);
        only(queue(null, null));
        http.patch().uri("/api/cards/" + card).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("back", "Edited while it was on screen.")).exchange().expectStatus().isOk();
        assertThat((Map<String, Object>) grade(card, "hard", UUID.randomUUID(), null).get("schedule"))
                .containsEntry("state", "learning");
    }

    @Test
    void undoRestoresTheCardExactlyAndOnlyTheLatestReview() {
        String card = card(week1, null);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        grade(card, "good", first, null);
        Map<String, Object> afterFirst = row(card);
        TestClock.advance(Duration.ofMinutes(12));
        grade(card, "good", second, null);

        expectProblem(http.delete().uri("/api/reviews/" + first).exchange(), 409, "review-not-latest");
        http.delete().uri("/api/reviews/" + second).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.schedule.state").isEqualTo("learning").jsonPath("$.cardId").isEqualTo(card);
        assertThat(row(card)).isEqualTo(afterFirst);
        expectProblem(http.delete().uri("/api/reviews/" + second).exchange(), 409, "review-not-latest");
        expectProblem(http.delete().uri("/api/reviews/" + UUID.randomUUID()).exchange(), 404, "not-found");
        expectProblem(http.delete().uri("/api/reviews/not-a-uuid").exchange(), 404, "not-found");
        expectProblem(post("/api/cards/" + card + "/reviews",
                Map.of("rating", "good", "reviewId", second.toString()), null), 409, "review-id-reused");

        http.delete().uri("/api/reviews/" + first).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.schedule.state").isEqualTo("new");
        assertThat(row(card)).containsEntry("state", 0).containsEntry("due", null).containsEntry("reps", 0);
        assertThat(jdbc.sql("SELECT count(*) FROM review_log").query(Integer.class).single())
                .as("the log keeps undone reviews").isEqualTo(2);
    }

    @Test
    void replayingTheLogRebuildsEveryItemExactly() {
        String reversed = create(week1, Map.of("type", "reversed", "front", "LRU",
                "back", "Evicts the least recently used key first."), null);
        String[] ratings = {"good", "again", "good", "good", "hard", "easy", "again", "good", "good", "easy"};
        long[] waits = {0, 30, 600, 700, 86_400 * 3, 86_400 * 9, 86_400 * 40, 60, 720, 86_400 * 20};
        for (int i = 0; i < ratings.length; i++) {
            TestClock.advance(Duration.ofSeconds(waits[i]));
            UUID id = UUID.randomUUID();
            post("/api/cards/" + reversed + "/reviews", Map.of("rating", ratings[i], "reviewId", id.toString(),
                    "ordinal", 1 + i % 2), null).expectStatus().isOk();
            if (i == 6) {
                http.delete().uri("/api/reviews/" + id).exchange().expectStatus().isOk();
            }
            if (i == 3) {
                http.put().uri("/api/review/settings").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("desiredRetention", 0.85)).exchange().expectStatus().isOk();
            }
        }
        UUID cardId = UUID.fromString(reversed);
        Map<Integer, ItemState> stored = history.states(TwoLearners.A.id(), cardId);
        assertThat(stored.values()).extracting(ItemState::state).doesNotContain(State.NEW);
        assertThat(history.replay(TwoLearners.A.id(), cardId)).isEqualTo(stored);
        assertThat(history.log(TwoLearners.A.id(), cardId)).hasSize(9);
        assertThat(history.retrievability(TwoLearners.A.id(), cardId, TestClock.now()).orElseThrow()).isBetween(0.5, 1.0);
    }

    @Test
    void statsCountStatesTodayRetentionAndTheForecast() {
        String a = card(week1, null);
        String b = card(week1, null);
        card(week2, null);
        grade(a, "easy", UUID.randomUUID(), null);
        grade(b, "easy", UUID.randomUUID(), null);
        TestClock.advance(Duration.ofDays(30));
        grade(a, "again", UUID.randomUUID(), null);
        grade(b, "good", UUID.randomUUID(), null);

        Map<String, Object> stats = get("/api/roadmaps/" + roadmapId + "/review-stats", null);
        assertThat((Map<String, Object>) stats.get("states")).containsEntry("new", 1).containsEntry("review", 1)
                .containsEntry("relearning", 1).containsEntry("suspended", 0);
        assertThat(stats).containsEntry("reviewsToday", 2).containsEntry("dueNow", 0).containsEntry("newToday", 1);
        assertThat((Map<String, Object>) stats.get("retention")).containsEntry("reviews", 2).containsEntry("passed", 1)
                .containsEntry("rate", 0.5);
        List<Map<String, Object>> forecast = (List<Map<String, Object>>) stats.get("forecast");
        assertThat(forecast).hasSize(30);
        assertThat(forecast.get(0)).containsEntry("date", "2026-04-01").containsEntry("due", 1);
        assertThat(forecast.stream().mapToInt(d -> (Integer) d.get("due")).sum()).isBetween(1, 2);

        Map<String, Object> topic = get("/api/topics/" + week2 + "/review-stats", null);
        assertThat((Map<String, Object>) topic.get("states")).containsEntry("new", 1).containsEntry("review", 0);
        Map<String, Object> counts = get("/api/roadmaps/" + roadmapId + "/review-counts", null);
        assertThat(counts).containsEntry("new", 1);
        assertThat((Map<String, Object>) ((Map<String, Object>) counts.get("topics")).get(week2))
                .containsEntry("new", 1).containsEntry("due", 0);
    }

    @Test
    void badReviewsAndSettingsAreProblemsAndChangeNothing() {
        String card = card(week1, null);
        String uri = "/api/cards/" + card + "/reviews";
        expectProblem(post(uri, Map.of("rating", "fine", "reviewId", UUID.randomUUID().toString()), null), 400,
                "bad-request");
        expectProblem(post(uri, Map.of("rating", "good"), null), 400, "bad-request");
        expectProblem(post(uri, Map.of("rating", "good", "reviewId", "twelve"), null), 400, "bad-request");
        expectProblem(post(uri, Map.of("rating", "good", "reviewId", UUID.randomUUID().toString(), "durationMs", -1),
                null), 400, "bad-request");
        expectProblem(post(uri, Map.of("rating", "good", "reviewId", UUID.randomUUID().toString(), "ordinal", 2),
                null), 400, "bad-request");
        expectProblem(post("/api/cards/" + UUID.randomUUID() + "/reviews",
                Map.of("rating", "good", "reviewId", UUID.randomUUID().toString()), null), 404, "not-found");
        expectProblem(http.get().uri("/api/reviews/queue?limit=0").exchange(), 400, "bad-request");
        expectProblem(http.get().uri("/api/reviews/queue?roadmapId=nope").exchange(), 404, "not-found");
        expectProblem(http.get().uri("/api/reviews/queue?topicId=nope").exchange(), 404, "not-found");
        expectProblem(http.get().uri("/api/topics/" + UUID.randomUUID() + "/review-stats").exchange(), 404, "not-found");
        assertThat(jdbc.sql("SELECT count(*) FROM review_log").query(Integer.class).single()).isZero();
        assertThat(row(card)).containsEntry("state", 0);

        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("desiredRetention", 0.5),
                Map.of("desiredRetention", 1.2), Map.of("dailyNewLimit", -1), Map.of("maximumIntervalDays", 0),
                Map.of("timeZone", "Mars/Olympus"))) {
            expectProblem(http.put().uri("/api/review/settings").contentType(MediaType.APPLICATION_JSON).bodyValue(bad)
                    .exchange(), 400, "bad-request");
        }
        http.get().uri("/api/review/settings").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.desiredRetention").isEqualTo(0.9).jsonPath("$.dailyNewLimit").isEqualTo(20)
                .jsonPath("$.maximumIntervalDays").isEqualTo(36500).jsonPath("$.fuzz").isEqualTo(true)
                .jsonPath("$.timeZone").isEqualTo("UTC");
    }

    @Test
    void aLowerRetentionSchedulesLongerIntervals() {
        String card = card(week1, null);
        Map<String, Object> at90 = (Map<String, Object>) only(queue(null, null)).get("intervals");
        http.put().uri("/api/review/settings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("desiredRetention", 0.8, "fuzz", false)).exchange().expectStatus().isOk();
        Map<String, Object> at80 = (Map<String, Object>) only(queue(null, null)).get("intervals");
        assertThat((Integer) ((Map<String, Object>) at80.get("easy")).get("seconds"))
                .isGreaterThan((Integer) ((Map<String, Object>) at90.get("easy")).get("seconds"));
        assertThat(card).isNotNull();
    }

    @Test
    void learnersSeeAndGradeOnlyTheirOwnCards() {
        String mine = card(week1, null);
        String theirs = card(week1, "b");
        UUID myReview = UUID.randomUUID();
        grade(mine, "good", myReview, null);

        assertThat(items(queue(null, "b"))).extracting(i -> ((Map<String, Object>) i.get("card")).get("id"))
                .containsExactly(theirs);
        expectProblem(post("/api/cards/" + mine + "/reviews",
                Map.of("rating", "easy", "reviewId", UUID.randomUUID().toString()), "b"), 404, "not-found");
        expectProblem(post("/api/cards/" + theirs + "/reviews",
                Map.of("rating", "easy", "reviewId", UUID.randomUUID().toString()), null), 404, "not-found");
        expectProblem(as(http.delete().uri("/api/reviews/" + myReview), "b").exchange(), 404, "not-found");
        assertThat((Map<String, Object>) get("/api/roadmaps/" + roadmapId + "/review-stats", "b").get("states"))
                .containsEntry("new", 1).containsEntry("learning", 0);
        http.put().uri("/api/review/settings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("dailyNewLimit", 0)).exchange().expectStatus().isOk();
        assertThat(items(queue(null, "b"))).as("B keeps their own settings").hasSize(1);
        assertThat(row(mine)).containsEntry("state", 1);
    }

    // ---- helpers

    String card(String topic, String learner) {
        made++;
        return create(topic, Map.of("type", "basic", "front", "Question " + made + " about caching?",
                "back", "Answer number " + made + " is a distinct fact."), learner);
    }

    String create(String topic, Map<String, Object> body, String learner) {
        return (String) post("/api/topics/" + topic + "/cards", body, learner).expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody().get("id");
    }

    Map<String, Object> grade(String card, String rating, UUID reviewId, Long durationMs) {
        Map<String, Object> body = new HashMap<>(Map.of("rating", rating, "reviewId", reviewId.toString()));
        if (durationMs != null) {
            body.put("durationMs", durationMs);
        }
        return post("/api/cards/" + card + "/reviews", body, null).expectStatus().isOk().expectBody(JSON)
                .returnResult().getResponseBody();
    }

    Map<String, Object> queue(String query, String learner) {
        return get("/api/reviews/queue" + (query == null ? "" : "?" + query), learner);
    }

    Map<String, Object> get(String uri, String learner) {
        return as(http.get().uri(uri), learner).exchange().expectStatus().isOk().expectBody(JSON).returnResult()
                .getResponseBody();
    }

    WebTestClient.ResponseSpec post(String uri, Map<String, Object> body, String learner) {
        return as(http.post().uri(uri), learner).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    static <S extends WebTestClient.RequestHeadersSpec<?>> S as(S spec, String learner) {
        if (learner != null) {
            spec.header(TwoLearners.HEADER, learner);
        }
        return spec;
    }

    static List<Map<String, Object>> items(Map<String, Object> queue) {
        return (List<Map<String, Object>>) queue.get("items");
    }

    static Map<String, Object> only(Map<String, Object> queue) {
        assertThat(items(queue)).hasSize(1);
        return items(queue).get(0);
    }

    static Map<String, Object> schedule(Map<String, Object> item) {
        return (Map<String, Object>) item.get("schedule");
    }

    Map<String, Object> row(String card) {
        return jdbc.sql("""
                SELECT state, step, stability, difficulty, due, last_review, scheduled_days, reps, lapses
                FROM card_item WHERE card_id = ?::uuid AND ordinal = 1
                """).param(card).query().singleRow();
    }

    static void expectProblem(WebTestClient.ResponseSpec response, int status, String type) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:" + type);
    }

    static Instant instant(Object value) {
        return Instant.parse((String) value);
    }
}
