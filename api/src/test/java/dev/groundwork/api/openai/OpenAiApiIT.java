package dev.groundwork.api.openai;

import static dev.groundwork.api.openai.OpenAiClients.ask;
import static dev.groundwork.api.openai.OpenAiClients.groundwork;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.models.Model;
import dev.groundwork.api.generation.ExtractiveGenerator;
import dev.groundwork.api.testing.MirrorAppTest;
import dev.groundwork.api.testing.TwoLearners;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The OpenAI-compatible API offline (no model configured: extractive answers), used by real clients — the
 * openai-java SDK and Spring AI's chat client — pointed at Groundwork's {@code /v1}; the wire format of the stream;
 * errors in OpenAI's shape.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingest.background=false")
@AutoConfigureWebTestClient(timeout = "PT90S")
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class, TwoLearners.class})
class OpenAiApiIT extends MirrorAppTest {

    static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");
    static final String QUESTION = "How do I install Redis and connect with redis-cli?";

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    String model;
    OpenAIClient sdk;

    @BeforeEach
    void ingested() {
        model = "groundwork/" + roadmaps.findTopic(redisTopic()).orElseThrow().roadmapId();
        sdk = OpenAiClients.sdk(port);
    }

    @Test
    void sdkListsTheWholeKnowledgeBaseAndOneModelPerRoadmap() {
        List<Model> models = sdk.models().list().data();

        assertThat(models).extracting(Model::id).containsExactlyElementsOf(java.util.stream.Stream.concat(
                java.util.stream.Stream.of("groundwork"), roadmaps.list().stream().map(r -> "groundwork/" + r.id()))
                .toList()).contains(model);
        assertThat(models).allSatisfy(m -> {
            assertThat(m.ownedBy()).isEqualTo("groundwork");
            assertThat(m.created()).isPositive();
        });
        assertThat(sdk.models().retrieve(model).id()).isEqualTo(model);
    }

    @Test
    void sdkGetsAWholeExtractedAnswerWhoseMarkersPointAtTheSourcesInTheExtension() {
        int turns = turns();

        ChatCompletion completion = sdk.chat().completions().create(ask(model, QUESTION).build());

        String text = completion.choices().get(0).message().content().orElseThrow();
        assertThat(text).startsWith(ExtractiveGenerator.NOTE);
        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(completion.model()).isEqualTo(model);
        assertCitedFromSources(text, groundwork(completion._additionalProperties()));
        assertThat(groundwork(completion._additionalProperties())).containsEntry("mode", "extractive")
                .containsEntry("usageEstimated", true);
        var usage = completion.usage().orElseThrow();
        assertThat(usage.completionTokens()).isEqualTo((long) Math.ceil(text.strip().split("\\s+").length * 1.3));
        assertThat(usage.promptTokens()).isGreaterThan(usage.completionTokens());
        assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
        assertThat(turns()).as("nothing stored for a stateless client").isEqualTo(turns);
    }

    @Test
    void sdkStreamsTheAnswerWithSourcesInTheStopChunkAndUsageLast() {
        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream = sdk.chat().completions().createStreaming(ask(model, QUESTION)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            chunks = stream.stream().toList();
        }

        String text = chunks.stream().flatMap(c -> c.choices().stream())
                .map(c -> c.delta().content().orElse("")).collect(Collectors.joining());
        assertThat(text).startsWith(ExtractiveGenerator.NOTE);
        assertThat(chunks.get(0).choices().get(0).delta().role())
                .hasValue(ChatCompletionChunk.Choice.Delta.Role.ASSISTANT);
        ChatCompletionChunk stop = chunks.get(chunks.size() - 2);
        assertThat(stop.choices().get(0).finishReason()).hasValue(ChatCompletionChunk.Choice.FinishReason.STOP);
        assertCitedFromSources(text, groundwork(stop._additionalProperties()));
        assertThat(chunks.subList(0, chunks.size() - 2))
                .allSatisfy(chunk -> assertThat(groundwork(chunk._additionalProperties())).isNull());
        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.choices()).isEmpty();
        assertThat(last.usage().orElseThrow().completionTokens())
                .isEqualTo((long) Math.ceil(text.strip().split("\\s+").length * 1.3));
        assertThat(chunks).extracting(ChatCompletionChunk::id).containsOnly(chunks.get(0).id());
    }

    @Test
    void springAiChatClientAnswersFromTheWholeKnowledgeBaseStreamingAndNot() {
        ChatClient chat = OpenAiClients.springAi(port, "groundwork");

        ChatResponse whole = chat.prompt().user("What is Redis?").call().chatResponse();
        String streamed = chat.prompt().user("What is Redis?").stream().content().collectList()
                .map(tokens -> String.join("", tokens)).block();

        String text = whole.getResult().getOutput().getText();
        assertThat(text).startsWith(ExtractiveGenerator.NOTE).containsPattern(MARKER);
        assertThat(whole.getMetadata().getModel()).isEqualTo("groundwork");
        assertThat(whole.getMetadata().getUsage().getTotalTokens()).isPositive();
        assertThat(streamed).as("the same extracted answer, streamed").isEqualTo(text);
    }

    @Test
    void streamIsDataLinesOnlyEndingWithDone() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                .uri(URI.create(OpenAiClients.baseUrl(port) + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"What is redis-cli?\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        assertThat(response.body()).endsWith("\n\ndata: [DONE]\n\n").doesNotContain("event:");
        List<String> lines = response.body().lines().filter(line -> !line.isEmpty()).toList();
        assertThat(lines).allMatch(line -> line.startsWith("data: {\"id\":\"chatcmpl-") || line.equals("data: [DONE]"));
        assertThat(lines.get(lines.size() - 2)).contains("\"finish_reason\":\"stop\"").contains("\"groundwork\":{");
    }

    @Test
    void earlierMessagesAreTheConversation() {
        ChatCompletion completion = sdk.chat().completions().create(ask(model, "What is redis-cli?")
                .addAssistantMessage("A command line client for Redis [1].")
                .addUserMessage("How do I connect with it?").build());

        assertCitedFromSources(completion.choices().get(0).message().content().orElseThrow(),
                groundwork(completion._additionalProperties()));
    }

    @Test
    void errorsComeInOpenAisShapeToTheSdk() {
        assertThatThrownBy(() -> sdk.chat().completions().create(ask("gpt-4o", QUESTION).build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.code()).hasValue("model_not_found");
                    assertThat(e.type()).hasValue("invalid_request_error");
                });
        assertThatThrownBy(() -> sdk.chat().completions().create(ask("groundwork/no-such-roadmap",
                QUESTION).build())).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.code()).hasValue("model_not_found"));
        assertThatThrownBy(() -> sdk.models().retrieve("groundwork/nope"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).hasValue("model_not_found"));
        assertThatThrownBy(() -> sdk.chat().completions().createStreaming(ask("gpt-4o", QUESTION).build())
                .stream().toList()).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.code()).hasValue("model_not_found"));
        assertThatThrownBy(() -> sdk.chat().completions().create(com.openai.models.chat.completions
                .ChatCompletionCreateParams.builder().model(model).addSystemMessage("Be brief.").build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).hasValue("missing_user_message");
                    assertThat(e.type()).hasValue("invalid_request_error");
                });
    }

    @Test
    void badRequestsAreOpenAiErrorsNotProblemDetails() {
        int turns = turns();

        expectError("{\"model\":\"groundwork\",\"messages\":[{\"role\":\"user\",\"content\":", 400, "invalid_body");
        expectError("{\"model\":\"groundwork\",\"messages\":\"What is Redis?\"}", 400, "invalid_body");
        expectError("{\"messages\":[{\"role\":\"user\",\"content\":\"What?\"}]}", 400, "missing_required_parameter");
        expectError("{\"model\":\"groundwork\",\"messages\":[]}", 400, "missing_required_parameter");
        expectError("{\"model\":\"groundwork\",\"messages\":[{\"role\":\"assistant\",\"content\":\"Hi\"}]}", 400,
                "missing_user_message");
        expectError("{\"model\":\"groundwork\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\""
                + "x".repeat(2001) + "\"}]}", 400, "string_above_max_length");
        expectError("{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                404, "model_not_found");

        http.post().uri("/v1/embeddings").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("unknown_url");
        http.post().uri("/v1/models").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.type").isEqualTo("invalid_request_error");

        assertThat(turns()).isEqualTo(turns);
    }

    private void expectError(String body, int status, String code) {
        http.post().uri("/v1/chat/completions").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.error.code").isEqualTo(code)
                .jsonPath("$.error.type").isEqualTo("invalid_request_error")
                .jsonPath("$.error.message").isNotEmpty()
                .jsonPath("$.error").value(Map.class, error -> assertThat(error).containsEntry("param", null))
                .jsonPath("$.type").doesNotExist();
    }

    private int turns() {
        return jdbc.sql("SELECT count(*) FROM conversation_turn").query(Integer.class).single();
    }

    /** Every marker of the text names a source of the extension, and its citations name those sources' chunks. */
    @SuppressWarnings("unchecked")
    static void assertCitedFromSources(String text, Map<String, Object> groundwork) {
        List<Map<String, Object>> sources = (List<Map<String, Object>>) groundwork.get("sources");
        assertThat(sources).isNotEmpty().allSatisfy(source -> {
            assertThat((String) source.get("url")).isNotBlank();
            assertThat((String) source.get("quote")).isNotBlank();
            assertThat(source).containsKeys("n", "chunkId", "title", "headingPath");
        });
        Matcher marker = MARKER.matcher(text);
        int markers = 0;
        while (marker.find()) {
            markers++;
            assertThat(Integer.parseInt(marker.group(1))).isBetween(1, sources.size());
        }
        assertThat(markers).as("the text cites its sources").isPositive();
        List<Map<String, Object>> citations = (List<Map<String, Object>>) groundwork.get("citations");
        assertThat(citations).hasSize(markers).allSatisfy(citation -> assertThat(citation.get("chunkId"))
                .isEqualTo(sources.get((Integer) citation.get("n") - 1).get("chunkId")));
    }
}
