package dev.groundwork.api.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.groundwork.api.security.Learner;
import dev.groundwork.api.testing.TestClock;
import dev.groundwork.api.testing.TwoLearners;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
 * Progress over HTTP with a clock the test moves: topics going from not started through learning to solid as cards
 * are reviewed and interview questions answered, falling back to needs-revision as recall fades or an answer goes
 * badly, the roadmap's completion over its leaf topics, the roadmap list, two learners and an unknown roadmap.
 * Interview answers are written with SQL, as the interview feature would store them.
 */
@SuppressWarnings("unchecked")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingest.background=false")
@AutoConfigureWebTestClient
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class, TwoLearners.class, TestClock.class})
class ProgressApiIT {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    static final String ROADMAP = """
            # Progress Plan

            ## Month 1: Storage

            ### Week 1: Indexes

            - B-tree pages and fan-out

            ### Week 2: Transactions

            - Isolation levels

            ## Month 2: Queues

            - Delivery guarantees
            """;

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;

    String roadmapId;
    String month1;
    String week1;
    String week2;
    String month2;
    int made;

    @BeforeEach
    void freshLearners() {
        TestClock.reset();
        jdbc.sql("TRUNCATE card, review_settings, interview_session CASCADE").update();
        Map<String, Object> roadmap = http.post().uri("/api/roadmaps")
                .contentType(MediaType.parseMediaType("text/markdown")).bodyValue(ROADMAP).exchange()
                .expectBody(JSON).returnResult().getResponseBody();
        roadmapId = (String) roadmap.get("id");
        List<Map<String, Object>> months = (List<Map<String, Object>>) roadmap.get("topics");
        month1 = (String) months.get(0).get("id");
        List<Map<String, Object>> weeks = (List<Map<String, Object>>) months.get(0).get("children");
        week1 = (String) weeks.get(0).get("id");
        week2 = (String) weeks.get(1).get("id");
        month2 = (String) months.get(1).get("id");
    }

    @Test
    void topicsGoFromNotStartedThroughLearningToSolid() {
        Map<String, Object> progress = progress(null);
        assertThat(progress).containsEntry("roadmapId", roadmapId).containsEntry("completion", 0.0);
        assertThat(counts(progress)).isEqualTo(counts(3, 0, 0, 0));
        assertThat(topics(progress)).extracting(t -> t.get("topicId")).containsExactly(month1, week1, week2, month2);
        assertThat(topics(progress)).extracting(t -> t.get("state")).containsOnly("not-started");

        String first = card(week1, null);
        String second = card(week1, null);
        Map<String, Object> week = topic(progress(null), week1);
        assertThat(week).containsEntry("state", "not-started").containsEntry("mastery", 0.0);
        assertThat(week.get("cards")).isEqualTo(Map.of("count", 2, "inReview", 0, "retrievability", 0.0));

        grade(first, "good");                                 // learning: recalled now, not yet in review
        progress = progress(null);
        week = topic(progress, week1);
        assertThat(week).containsEntry("state", "learning").containsEntry("mastery", 0.35);   // 0.7 × ½
        assertThat(week.get("cards")).isEqualTo(Map.of("count", 2, "inReview", 0, "retrievability", 0.5));
        assertThat(topic(progress, month1)).as("a parent gathers its subtopics' cards")
                .containsEntry("state", "learning").containsEntry("mastery", 0.35);
        assertThat(counts(progress)).isEqualTo(counts(2, 1, 0, 0));

        TestClock.advance(Duration.ofMinutes(11));
        grade(first, "good");
        grade(second, "easy");
        progress = progress(null);
        week = topic(progress, week1);
        assertThat(week).containsEntry("state", "solid").containsEntry("mastery", 1.0);
        assertThat(week.get("cards")).isEqualTo(Map.of("count", 2, "inReview", 2, "retrievability", 1.0));
        assertThat((String) week.get("reason")).contains("100%");
        assertThat(progress).containsEntry("completion", 0.333);
        assertThat(counts(progress)).isEqualTo(counts(2, 0, 1, 0));

        answered(week1, 3.6, TestClock.now(), "answered", TwoLearners.A);
        answered(week1, null, TestClock.now(), "pending", TwoLearners.A);
        week = topic(progress(null), week1);
        assertThat(week).containsEntry("state", "solid").containsEntry("mastery", 0.96);      // 0.6 × 1 + 0.4 × 0.9
        assertThat(week.get("interview")).isEqualTo(Map.of("answered", 1, "recent", 3.6));

        assertThat(list(null)).filteredOn(r -> roadmapId.equals(r.get("roadmapId"))).singleElement()
                .isEqualTo(Map.of("roadmapId", roadmapId, "completion", 0.333, "counts", counts(2, 0, 1, 0)));
    }

    @Test
    void fadingRecallMonthsLaterNeedsRevision() {
        grade(card(week1, null), "easy");
        answered(week1, 4.0, TestClock.now(), "answered", TwoLearners.A);
        assertThat(topic(progress(null), week1)).containsEntry("state", "solid");

        TestClock.advance(Duration.ofDays(120));
        Map<String, Object> progress = progress(null);
        Map<String, Object> week = topic(progress, week1);
        assertThat(week).containsEntry("state", "needs-revision");
        assertThat((Double) ((Map<String, Object>) week.get("cards")).get("retrievability")).isBetween(0.5, 0.7);
        assertThat((String) week.get("reason")).startsWith("Recall of the cards you had learnt has fallen to");
        assertThat(progress).containsEntry("completion", 0.0);
        assertThat(counts(progress)).isEqualTo(counts(2, 0, 0, 1));
    }

    @Test
    void aPoorLatestInterviewAnswerNeedsRevision() {
        Instant now = TestClock.now();
        answered(week2, 3.5, now.minus(Duration.ofDays(3)), "answered", TwoLearners.A);
        answered(week2, 3.5, now.minus(Duration.ofDays(2)), "answered", TwoLearners.A);
        answered(week2, null, now.minus(Duration.ofDays(1)), "skipped", TwoLearners.A);
        assertThat(topic(progress(null), week2)).containsEntry("state", "solid").containsEntry("mastery", 0.875);

        answered(week2, 2.0, now, "answered", TwoLearners.A);
        answered(month2, 1.0, now, "answered", TwoLearners.A);
        Map<String, Object> progress = progress(null);
        Map<String, Object> week = topic(progress, week2);
        assertThat(week).containsEntry("state", "needs-revision");
        assertThat(week.get("interview")).isEqualTo(Map.of("answered", 3, "recent", 2.0));
        assertThat((String) week.get("reason")).contains("below the earlier mean of 3.5");
        assertThat(topic(progress, month2)).containsEntry("state", "needs-revision");
        assertThat((String) topic(progress, month2).get("reason")).contains("below 1.5");
        assertThat(topic(progress, month1)).as("the latest answer under it").containsEntry("state", "needs-revision");
        assertThat(counts(progress)).isEqualTo(counts(1, 0, 0, 2));
    }

    @Test
    void anotherLearnerSeesNothingStarted() {
        grade(card(week1, null), "easy");
        answered(week1, 4.0, TestClock.now(), "answered", TwoLearners.A);
        answered(month2, 4.0, TestClock.now(), "answered", TwoLearners.A);
        assertThat(counts(progress(null))).isEqualTo(counts(1, 0, 2, 0));

        Map<String, Object> theirs = progress("b");
        assertThat(theirs).containsEntry("completion", 0.0);
        assertThat(counts(theirs)).isEqualTo(counts(3, 0, 0, 0));
        for (Map<String, Object> topic : topics(theirs)) {
            assertThat(topic).containsEntry("state", "not-started").containsEntry("mastery", 0.0);
            assertThat((Map<String, Object>) topic.get("cards")).containsOnly(entry("count", 0), entry("inReview", 0),
                    entry("retrievability", null));
            assertThat((Map<String, Object>) topic.get("interview")).containsOnly(entry("answered", 0),
                    entry("recent", null));
        }
        assertThat(list("b")).filteredOn(r -> roadmapId.equals(r.get("roadmapId"))).singleElement()
                .isEqualTo(Map.of("roadmapId", roadmapId, "completion", 0.0, "counts", counts(3, 0, 0, 0)));

        card(week2, "b");
        answered(week2, 1.0, TestClock.now(), "answered", TwoLearners.B);
        Map<String, Object> mine = progress(null);
        assertThat(topic(mine, week2)).as("B's card and answer are not A's").containsEntry("state", "not-started");
        assertThat(((Map<String, Object>) topic(mine, week2).get("cards"))).containsEntry("count", 0);
        assertThat(topic(progress("b"), week2)).containsEntry("state", "needs-revision");
    }

    @Test
    void anUnknownRoadmapIsA404Problem() {
        http.get().uri("/api/roadmaps/no-such-roadmap/progress").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:not-found");
    }

    // ---- helpers

    Map<String, Object> progress(String learner) {
        return as(http.get().uri("/api/roadmaps/" + roadmapId + "/progress"), learner).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    List<Map<String, Object>> list(String learner) {
        return as(http.get().uri("/api/progress"), learner).exchange().expectStatus().isOk().expectBody(LIST)
                .returnResult().getResponseBody();
    }

    static List<Map<String, Object>> topics(Map<String, Object> progress) {
        return (List<Map<String, Object>>) progress.get("topics");
    }

    static Map<String, Object> topic(Map<String, Object> progress, String id) {
        return topics(progress).stream().filter(t -> id.equals(t.get("topicId"))).findFirst().orElseThrow();
    }

    static Map<String, Object> counts(Map<String, Object> progress) {
        return (Map<String, Object>) progress.get("counts");
    }

    static Map<String, Object> counts(int notStarted, int learning, int solid, int needsRevision) {
        return Map.of("notStarted", notStarted, "learning", learning, "solid", solid, "needsRevision", needsRevision);
    }

    String card(String topic, String learner) {
        made++;
        return (String) as(http.post().uri("/api/topics/" + topic + "/cards"), learner)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "basic", "front", "Question " + made + " about storage?",
                        "back", "Answer number " + made + " is a distinct fact."))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
    }

    void grade(String card, String rating) {
        http.post().uri("/api/cards/" + card + "/reviews").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rating", rating, "reviewId", UUID.randomUUID().toString())).exchange()
                .expectStatus().isOk();
    }

    /** A question on the topic in its own session, as the interview feature stores it. */
    void answered(String topic, Double overall, Instant at, String status, Learner learner) {
        UUID session = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO interview_session (id, learner_id, roadmap_id, topic_id, level, kinds, status, created_at)
                VALUES (?, ?, ?, ?::uuid, 'senior', '["concept"]'::jsonb, 'ended', ?)
                """).params(session, learner.id(), roadmapId, topic, Timestamp.from(at)).update();
        boolean answered = status.equals("answered");
        jdbc.sql("""
                INSERT INTO interview_question (id, session_id, learner_id, position, kind, level, topic_id, origin,
                    text, subject, rubric, reference, status, answer, overall, mode, answered_at)
                VALUES (?, ?, ?, 1, 'concept', 'senior', ?::uuid, 'concept', 'Explain the topic.', 'the topic',
                    '[]'::jsonb, '{"text": "", "sources": []}'::jsonb, ?, ?, ?, ?, ?)
                """).params(UUID.randomUUID(), session, learner.id(), topic, status, answered ? "An answer." : null,
                        overall, answered ? "offline" : null, answered ? Timestamp.from(at) : null).update();
    }

    static <S extends WebTestClient.RequestHeadersSpec<?>> S as(S spec, String learner) {
        if (learner != null) {
            spec.header(TwoLearners.HEADER, learner);
        }
        return spec;
    }
}
