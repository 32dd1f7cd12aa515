package dev.groundwork.api.flashcard;

import static dev.groundwork.api.flashcard.CardStreams.EVENT;
import static dev.groundwork.api.flashcard.CardStreams.assertAnchoredVerbatim;
import static dev.groundwork.api.flashcard.CardStreams.assertWellFormed;
import static dev.groundwork.api.flashcard.CardStreams.cards;
import static dev.groundwork.api.flashcard.CardStreams.data;
import static dev.groundwork.api.flashcard.CardStreams.done;
import static dev.groundwork.api.flashcard.CardStreams.generate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.generation.Statement;
import dev.groundwork.api.generation.Statements;
import dev.groundwork.api.testing.FakeOpenAiServer;
import dev.groundwork.api.testing.FakeOpenAiServer.Script;
import dev.groundwork.api.testing.ModelAppTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cards written by a model: a local fake OpenAI-compatible server streams the model's JSON lines as real
 * chat-completion chunks. Every card must quote its passage and be supported by the quote; the model failing falls
 * back to offline cards; a client hanging up closes the model request.
 */
class LlmCardsIT extends ModelAppTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    String topicId;

    @BeforeEach
    void ingested() {
        topicId = redisTopic();
    }

    @Test
    void acceptsASupportedCardAndRejectsAnUnsupportedOneAndAQuoteNotInItsPassage() throws Exception {
        String sentence = firstQuotableSentenceOfPassageOne();
        String supported = line(Map.of("passage", 1, "type", "basic", "front", about(sentence),
                "back", sentence, "quote", sentence));
        String unsupported = line(Map.of("passage", 1, "type", "basic", "front", about(sentence),
                "back", "Bananas ripen faster in warm tropical weather near the equator.", "quote", sentence));
        String misquoted = line(Map.of("passage", 1, "type", "cloze",
                "text", "{{c1::Kubernetes}} schedules pods onto the nodes of a cluster.",
                "quote", "Kubernetes schedules pods onto the nodes of a cluster."));
        MODEL.script(Script.tokens(split(supported + "\n" + unsupported + "\n" + "Here are more cards:\n"
                + misquoted + "\n")));

        var events = generate(http, topicId, Map.of("count", 5), "b");

        assertWellFormed(events);
        assertThat(done(events)).containsEntry("mode", "llm").containsEntry("model", FakeOpenAiServer.MODEL)
                .containsEntry("accepted", 1).containsEntry("skipped", 3);
        Map<String, Object> card = cards(events).get(0);
        assertThat(card).containsEntry("back", sentence);
        assertThat((Map<String, Object>) card.get("origin")).containsEntry("kind", "generated")
                .containsEntry("model", FakeOpenAiServer.MODEL);
        assertAnchoredVerbatim(jdbc, card);
        assertThat(data(events, "skipped")).extracting(s -> s.get("reason"))
                .containsExactly("unsupported", "low-quality", "quote-not-found");
        assertThat(events).extracting(e -> e.event()).containsSubsequence("card", "skipped", "skipped", "skipped",
                "done");
        String prompt = MODEL.requests().get(MODEL.requests().size() - 1);
        assertThat(prompt).contains("<context>").contains("untrusted");
    }

    @Test
    void fallsBackToOfflineCardsWhenTheModelFails() {
        MODEL.script(Script.status(503));

        var events = generate(http, topicId, Map.of("count", 3), "b");

        assertWellFormed(events);
        assertThat(events.get(0).event()).isEqualTo("notice");
        assertThat(events.get(0).data()).containsEntry("kind", "fallback");
        assertThat(done(events)).containsEntry("mode", "extractive");
        assertThat(cards(events)).isNotEmpty().allSatisfy(card -> {
            assertAnchoredVerbatim(jdbc, card);
            assertThat((Map<String, Object>) card.get("origin")).containsEntry("model", null);
        });
    }

    @Test
    void aClientHangingUpClosesTheModelRequest() throws InterruptedException {
        String sentence = firstQuotableSentenceOfPassageOne();
        List<String> tokens = new ArrayList<>();
        tokens.add(line(Map.of("passage", 1, "type", "basic", "front", about(sentence), "back",
                sentence, "quote", sentence)) + "\n");
        tokens.addAll(Collections.nCopies(200, "{\"passage\": 1, "));
        MODEL.script(Script.tokens(tokens.toArray(String[]::new)).paced(Duration.ZERO, Duration.ofMillis(50)));

        List<Object> received = new ArrayList<>(WebClient.create("http://127.0.0.1:" + port).post()
                .uri("/api/topics/" + topicId + "/cards/generate").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM).bodyValue(Map.of("count", 5))
                .retrieve().bodyToFlux(EVENT)
                .filter(e -> e.event() != null)
                .take(1)
                .collectList().block(Duration.ofSeconds(30)));

        assertThat(received).hasSize(1);
        assertThat(MODEL.awaitHangUp(Duration.ofSeconds(10))).as("the model request was closed").isTrue();
        assertThat(MODEL.tokensWritten()).as("tokens written after the hang-up").isLessThan(100);
    }

    /** Asks once with a model that writes nothing, and reads passage 1 back from the prompt it was sent. */
    private String firstQuotableSentenceOfPassageOne() {
        MODEL.script(Script.tokens(""));
        generate(http, topicId, Map.of("count", 1), "b");
        JsonNode request = JSON.readTree(MODEL.requests().get(MODEL.requests().size() - 1));
        String user = "";
        for (JsonNode message : request.path("messages")) {
            if ("user".equals(message.path("role").asString())) {
                user = message.path("content").asString();
            }
        }
        int start = user.indexOf("\n", user.indexOf("[1] ")) + 1;
        int end = user.indexOf("\n\n[2] ", start);
        String passage = user.substring(start, end < 0 ? user.indexOf("\n</context>") : end);
        return Statements.of(passage).stream()
                .filter(s -> s.ok() && s.kind() == Statement.Kind.SENTENCE)
                .map(Statement::text).findFirst().orElseThrow();
    }

    /** A question about the sentence's longest word. */
    private static String about(String sentence) {
        String word = java.util.Arrays.stream(sentence.split("[^\\p{L}]+"))
                .max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        return "What does the source say about " + word + "?";
    }

    private static String line(Map<String, Object> card) {
        return JSON.writeValueAsString(card);
    }

    /** The model's text as tokens of a few characters, so that lines arrive in pieces. */
    private static String[] split(String text) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 7) {
            tokens.add(text.substring(i, Math.min(text.length(), i + 7)));
        }
        return tokens.toArray(String[]::new);
    }
}
