package dev.groundwork.api.answer;

import static dev.groundwork.api.answer.AnswerStreams.EVENT;
import static dev.groundwork.api.answer.AnswerStreams.ask;
import static dev.groundwork.api.answer.AnswerStreams.assertWellFormed;
import static dev.groundwork.api.answer.AnswerStreams.last;
import static dev.groundwork.api.answer.AnswerStreams.names;
import static dev.groundwork.api.answer.AnswerStreams.sources;
import static dev.groundwork.api.answer.AnswerStreams.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.generation.ExtractiveGenerator;
import dev.groundwork.api.testing.FakeOpenAiServer;
import dev.groundwork.api.testing.FakeOpenAiServer.Script;
import dev.groundwork.api.testing.MirrorAppTest;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Answers from a model: a local fake OpenAI-compatible server streams real chat-completion chunks. Checks the
 * ordered events, citation checking, the fallback to extraction when the model fails, the prompt's context block,
 * and that a client hanging up closes the model request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groundwork.ingest.background=false",
        "spring.ai.model.chat=openai",
        "spring.ai.openai.api-key=test-key",
        "spring.ai.openai.chat.model=" + FakeOpenAiServer.MODEL,
        "spring.ai.openai.max-retries=0",
        "groundwork.generation.first-token-timeout=2s",
        "groundwork.generation.idle-timeout=2s"})
@AutoConfigureWebTestClient(timeout = "PT60S")
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class})
class LlmAnswerApiIT extends MirrorAppTest {

    static final FakeOpenAiServer MODEL = FakeOpenAiServer.start();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.ai.openai.base-url", MODEL::baseUrl);
    }

    @AfterAll
    static void stopServers() {
        MODEL.close();
    }

    @Autowired
    WebTestClient http;
    @LocalServerPort
    int port;

    String topicId;

    @BeforeEach
    void ingested() {
        topicId = redisTopic();
    }

    @Test
    void modelAnswerStreamsTokensWithCheckedCitations() {
        MODEL.script(Script.tokens("Redis is an in-", "memory data store [", "1]. ", "Install it with a package ",
                "manager [2]. ", "It was invented on the moon [9]. ", "Nothing supports this sentence at all."));

        var events = ask(http, Map.of("question", "What is Redis?", "topicId", topicId));

        assertWellFormed(events);
        assertThat(events.get(0).data()).containsEntry("mode", "llm");
        assertThat(text(events)).isEqualTo("Redis is an in-memory data store [1]. Install it with a package manager [2]. "
                + "It was invented on the moon [9]. Nothing supports this sentence at all.");
        List<String> names = names(events);
        assertThat(names.get(names.indexOf("citation") - 1)).as("citation right after the token completing [1]")
                .isEqualTo("token");
        assertThat(events).filteredOn(e -> "citation".equals(e.event())).extracting(e -> e.data().get("n"))
                .containsExactly(1, 2);
        assertThat(last(events)).containsEntry("mode", "llm").containsEntry("model", FakeOpenAiServer.MODEL)
                .containsEntry("droppedCitations", List.of(9))
                .containsEntry("unsupported", List.of("It was invented on the moon [9].",
                        "Nothing supports this sentence at all."))
                .containsEntry("usage", Map.of("promptTokens", 120, "completionTokens", 7, "totalTokens", 127));
    }

    @Test
    void promptKeepsRetrievedTextInsideANumberedUntrustedContextBlock() {
        MODEL.script(Script.tokens("Fine [1]."));
        int before = MODEL.requests().size();

        var events = ask(http, Map.of("question", "How do I connect with redis-cli?", "topicId", topicId));

        String request = MODEL.requests().get(before);
        assertThat(request).contains("untrusted").contains("<context>").contains("</context>")
                .contains("[1] ").contains("Question: How do I connect with redis-cli?");
        String firstPassage = ((String) sources(events).get(0).get("text")).lines().findFirst().orElseThrow();
        int context = request.indexOf("<context>");
        assertThat(request.indexOf(firstPassage.substring(0, Math.min(30, firstPassage.length()))
                .replace("\"", "\\\""))).isGreaterThan(context);
    }

    @Test
    void followUpIsRewrittenByTheModelAndAnsweredWithTheConversation() {
        MODEL.script(Script.tokens("Redis keeps its data in memory [1]."));
        var first = ask(http, Map.of("question", "What is Redis?", "topicId", topicId));
        int before = MODEL.requests().size();

        var second = ask(http, Map.of("question", "How do I install it?", "topicId", topicId,
                "conversationId", last(first).get("conversationId")));

        assertWellFormed(second);
        List<String> requests = MODEL.requests().subList(before, MODEL.requests().size());
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0)).as("condense").contains("Follow-up question: How do I install it?")
                .contains("Learner: What is Redis?");
        assertThat(requests.get(1)).as("answer").contains("Earlier in this conversation")
                .contains("Question: How do I install it?");
    }

    @Test
    void failingModelFallsBackToTheExtractiveAnswerAndSaysSo() {
        for (Script failure : List.of(Script.status(503), Script.status(429), Script.brokenStream(),
                Script.tokens("Too", "slow").paced(Duration.ofSeconds(5), Duration.ZERO))) {
            MODEL.script(failure);

            var events = ask(http, Map.of("question", "How do I install Redis?", "topicId", topicId));

            assertWellFormed(events);
            assertThat(names(events)).as(failure.toString()).contains("notice");
            assertThat(text(events)).contains(ExtractiveGenerator.NOTE);
            assertThat(last(events)).containsEntry("mode", "extractive");
        }
    }

    @Test
    void clientThatHangsUpClosesTheModelRequest() throws Exception {
        List<String> tokens = Collections.nCopies(200, "word ");
        MODEL.script(Script.tokens(tokens.toArray(String[]::new)).paced(Duration.ZERO, Duration.ofMillis(50)));

        List<Object> received = new ArrayList<>(WebClient.create("http://127.0.0.1:" + port).post()
                .uri("/api/answers").contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("question", "Tell me everything", "topicId", topicId))
                .retrieve().bodyToFlux(EVENT)
                .filter(e -> "token".equals(e.event()))
                .take(3)
                .collectList().block(Duration.ofSeconds(30)));

        assertThat(received).hasSize(3);
        assertThat(MODEL.awaitHangUp(Duration.ofSeconds(10))).as("the model request was closed").isTrue();
        assertThat(MODEL.tokensWritten()).as("tokens generated after the hang-up").isLessThan(60);
    }
}
