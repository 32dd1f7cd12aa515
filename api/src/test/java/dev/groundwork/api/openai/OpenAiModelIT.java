package dev.groundwork.api.openai;

import static dev.groundwork.api.openai.OpenAiClients.ask;
import static dev.groundwork.api.openai.OpenAiClients.groundwork;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.groundwork.api.generation.ExtractiveGenerator;
import dev.groundwork.api.testing.FakeOpenAiServer;
import dev.groundwork.api.testing.FakeOpenAiServer.Script;
import dev.groundwork.api.testing.ModelAppTest;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAI-compatible API with a model behind Groundwork (the scripted {@link FakeOpenAiServer} as its upstream):
 * real clients — the openai-java SDK and Spring AI's chat client — get the model's grounded answer, its usage and the
 * sources; the conversation reaches the model; a client hanging up closes the model request; a failing model falls
 * back to extraction.
 */
@SuppressWarnings("unchecked")
class OpenAiModelIT extends ModelAppTest {

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
    void sdkGetsTheModelsAnswerWithItsUsageAndTheSources() {
        MODEL.script(Script.tokens("Redis keeps data ", "in memory [1]. ", "It was built on the moon [9]."));

        ChatCompletion completion = sdk.chat().completions().create(ask(model, "What is Redis?").build());

        assertThat(completion.choices().get(0).message().content())
                .hasValue("Redis keeps data in memory [1]. It was built on the moon [9].");
        var usage = completion.usage().orElseThrow();
        assertThat(List.of(usage.promptTokens(), usage.completionTokens(), usage.totalTokens()))
                .containsExactly(120L, 3L, 123L);
        Map<String, Object> groundwork = groundwork(completion._additionalProperties());
        assertThat(groundwork).containsEntry("mode", "llm").containsEntry("model", FakeOpenAiServer.MODEL)
                .containsEntry("usageEstimated", false).containsEntry("droppedCitations", List.of(9))
                .containsEntry("unsupported", List.of("It was built on the moon [9]."));
        assertThat((List<?>) groundwork.get("citations")).singleElement()
                .satisfies(citation -> assertThat((Map<String, Object>) citation).containsEntry("n", 1));
        assertThat((List<?>) groundwork.get("sources")).isNotEmpty();
    }

    @Test
    void sdkStreamsTheModelsTokensThenTheSourcesAndTheUsage() {
        MODEL.script(Script.tokens("Use ", "redis-cli ", "to connect [1]."));
        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream = sdk.chat().completions().createStreaming(
                ask(model, "How do I connect?").streamOptions(ChatCompletionStreamOptions.builder()
                        .includeUsage(true).build()).build())) {
            chunks = stream.stream().toList();
        }

        assertThat(chunks.stream().flatMap(c -> c.choices().stream()).map(c -> c.delta().content().orElse(""))
                .filter(text -> !text.isEmpty()).toList()).containsExactly("Use ", "redis-cli ", "to connect [1].");
        ChatCompletionChunk stop = chunks.get(chunks.size() - 2);
        assertThat(stop.choices().get(0).finishReason()).hasValue(ChatCompletionChunk.Choice.FinishReason.STOP);
        OpenAiApiIT.assertCitedFromSources("Use redis-cli to connect [1].", groundwork(stop._additionalProperties()));
        var usage = chunks.get(chunks.size() - 1).usage().orElseThrow();
        assertThat(usage.totalTokens()).isEqualTo(123L);
    }

    @Test
    void springAiChatClientGetsTheModelsAnswerStreamingAndNot() {
        ChatClient chat = OpenAiClients.springAi(port, model);

        MODEL.script(Script.tokens("Redis is ", "a data store [1]."));
        ChatResponse whole = chat.prompt().user("What is Redis?").call().chatResponse();
        MODEL.script(Script.tokens("Redis is ", "a data store [1]."));
        List<String> streamed = chat.prompt().user("What is Redis?").stream().content().collectList().block();

        assertThat(whole.getResult().getOutput().getText()).isEqualTo("Redis is a data store [1].");
        assertThat(whole.getMetadata().getUsage().getTotalTokens()).isEqualTo(122);
        assertThat(streamed).containsSubsequence("Redis is ", "a data store [1].");
        assertThat(String.join("", streamed)).isEqualTo("Redis is a data store [1].");
    }

    @Test
    void earlierMessagesReachTheModelAsTheConversation() {
        MODEL.scripts(Script.tokens("How do I install Redis?"), Script.tokens("With a package manager [1]."));
        int before = MODEL.requests().size();

        ChatCompletion completion = sdk.chat().completions().create(ask(model, "What is Redis?")
                .addAssistantMessage("An in-memory data store [1].")
                .addUserMessage("How do I install it?").build());

        assertThat(completion.choices().get(0).message().content()).hasValue("With a package manager [1].");
        List<String> requests = MODEL.requests().subList(before, MODEL.requests().size());
        assertThat(requests).hasSize(2).allSatisfy(request -> assertThat(request).contains("What is Redis?")
                .contains("An in-memory data store [1].").contains("How do I install it?"));
    }

    @Test
    void clientHangingUpClosesTheModelRequest() throws Exception {
        MODEL.script(Script.tokens(IntStream.range(0, 200).mapToObj(i -> "word" + i + " ").toArray(String[]::new))
                .paced(Duration.ZERO, Duration.ofMillis(50)));

        try (StreamResponse<ChatCompletionChunk> stream = sdk.chat().completions().createStreaming(
                ask(model, "Tell me everything about Redis.").build())) {
            Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
            for (int i = 0; i < 3; i++) {
                chunks.next();
            }
        }

        assertThat(MODEL.awaitHangUp(Duration.ofSeconds(10))).as("the model request was closed").isTrue();
        assertThat(MODEL.tokensWritten()).isLessThan(200);
    }

    @Test
    void failingModelFallsBackToAnExtractedAnswerWithANotice() {
        MODEL.script(Script.status(503));

        ChatCompletion completion = sdk.chat().completions().create(ask(model, "What is redis-cli?").build());

        assertThat(completion.choices().get(0).message().content().orElseThrow()).contains(ExtractiveGenerator.NOTE);
        Map<String, Object> groundwork = groundwork(completion._additionalProperties());
        assertThat(groundwork).containsEntry("mode", "extractive").containsEntry("usageEstimated", true);
        assertThat((List<?>) groundwork.get("notices")).singleElement()
                .satisfies(notice -> assertThat((Map<String, Object>) notice).containsEntry("kind", "fallback"));
        assertThat(completion.usage().orElseThrow().completionTokens()).isPositive();
    }

}
