package dev.groundwork.api.answer;

import static dev.groundwork.api.answer.AnswerStreams.ask;
import static dev.groundwork.api.answer.AnswerStreams.assertWellFormed;
import static dev.groundwork.api.answer.AnswerStreams.last;
import static dev.groundwork.api.answer.AnswerStreams.names;
import static dev.groundwork.api.answer.AnswerStreams.sources;
import static dev.groundwork.api.answer.AnswerStreams.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.generation.ExtractiveGenerator;
import dev.groundwork.api.testing.MirrorAppTest;
import dev.groundwork.api.testing.TwoLearners;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Offline answers (no model configured): extracted from the ingested mirror corpus, streamed, cited, checked. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingest.background=false")
@AutoConfigureWebTestClient(timeout = "PT90S")
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class, TwoLearners.class})
class AnswerApiIT extends MirrorAppTest {

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
    void offlineAnswerStreamsCitedSentencesExtractedFromTheTopicsSources() {
        var events = ask(http, Map.of("question", "How do I install Redis and connect with redis-cli?",
                "topicId", topicId));

        assertWellFormed(events);
        assertThat(events.get(0).data()).containsEntry("mode", "extractive");
        assertThat(sources(events)).isNotEmpty().allSatisfy(source -> {
            assertThat((String) source.get("text")).isNotBlank();
            assertThat((String) source.get("url")).matches("https://redis\\.io/.*|groundwork:topic/.*");
        });
        assertThat(text(events)).startsWith(ExtractiveGenerator.NOTE);
        assertThat(names(events)).contains("token", "citation");
        assertThat(last(events)).containsEntry("mode", "extractive").containsEntry("model", null)
                .containsEntry("droppedCitations", List.of());
        assertThat((List<?>) last(events).get("unsupported")).isEmpty();
    }

    @Test
    void followUpContinuesTheConversation() {
        var first = ask(http, Map.of("question", "What is redis-cli?", "topicId", topicId));
        String conversation = (String) last(first).get("conversationId");

        var second = ask(http, Map.of("question", "How do I use it to set a key?", "topicId", topicId,
                "conversationId", conversation));

        assertWellFormed(second);
        assertThat(last(second)).containsEntry("conversationId", conversation);
        assertThat(jdbc.sql("SELECT count(*) FROM conversation_turn WHERE conversation_id = ?::uuid")
                .param(conversation).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void anotherLearnersConversationReadsAsAnUnknownOne() {
        String conversation = (String) last(ask(http, Map.of("question", "What is redis-cli?", "topicId", topicId)))
                .get("conversationId");

        var theirs = ask(http, Map.of("question", "How do I use it to set a key?", "topicId", topicId,
                "conversationId", conversation), "b");

        assertWellFormed(theirs);
        assertThat(turns(conversation, TwoLearners.A)).isEqualTo(1);
        assertThat(turns(conversation, TwoLearners.B)).as("b's turn starts b's own conversation").isEqualTo(1);
        assertThat(jdbc.sql("SELECT standalone FROM conversation_turn WHERE conversation_id = ?::uuid AND learner_id = ?")
                .params(conversation, TwoLearners.B.id()).query(String.class).single())
                .as("a's question never reached b's").isEqualTo("How do I use it to set a key?");
    }

    private int turns(String conversation, dev.groundwork.api.security.Learner learner) {
        return jdbc.sql("SELECT count(*) FROM conversation_turn WHERE conversation_id = ?::uuid AND learner_id = ?")
                .params(conversation, learner.id()).query(Integer.class).single();
    }

    @Test
    void roadmapAndGlobalScopesAnswerToo() {
        String roadmapId = roadmaps.findTopic(topicId).orElseThrow().roadmapId();
        assertWellFormed(ask(http, Map.of("question", "Which eviction policies exist?", "roadmapId", roadmapId)));
        assertWellFormed(ask(http, Map.of("question", "What is Redis?")));
    }

    @Test
    void badQuestionsAreProblemsAndChangeNothing() {
        int turns = jdbc.sql("SELECT count(*) FROM conversation_turn").query(Integer.class).single();

        expectProblem(Map.of("question", "  "), 400, "bad-request");
        expectProblem(Map.of("question", "x".repeat(2001)), 400, "bad-request");
        expectProblem(Map.of("question", "What?", "conversationId", "not-a-uuid"), 400, "bad-request");
        expectProblem(Map.of("question", "What?", "topicId", "00000000-0000-0000-0000-000000000000"), 404,
                "not-found");
        expectProblem(Map.of("question", "What?", "roadmapId", "no-such-roadmap"), 404, "not-found");
        http.post().uri("/api/answers").contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue("{not json").exchange().expectStatus().isBadRequest();

        assertThat(jdbc.sql("SELECT count(*) FROM conversation_turn").query(Integer.class).single()).isEqualTo(turns);
    }

    private void expectProblem(Map<String, Object> body, int status, String type) {
        http.post().uri("/api/answers").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:" + type);
    }
}
