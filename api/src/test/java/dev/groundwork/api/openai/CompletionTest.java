package dev.groundwork.api.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.answer.AnswerEvents;
import dev.groundwork.api.generation.TokenUsage;
import dev.groundwork.api.openai.OpenAiResponses.Chunk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CompletionTest {

    static final Conversation ASKED = new Conversation("What is Redis?", List.of(), List.of("What is Redis?"));
    static final JsonMapper JSON = JsonMapper.builder().build();

    static List<AnswerEvents.Event> answer(TokenUsage usage) {
        AnswerEvents.Source source = new AnswerEvents.Source(1, "chunk-1", "Redis docs", "https://redis.io/docs",
                List.of("Get started"), null, "Redis is an in-memory data store.",
                "Redis is an in-memory data store. It is fast.");
        return List.of(new AnswerEvents.Sources("extractive", null, List.of(source)),
                new AnswerEvents.Token("Redis is in memory"), new AnswerEvents.Token(" [1]."),
                new AnswerEvents.Citation(1, "chunk-1"),
                new AnswerEvents.Done("extractive", null, usage, 12, 3L, null, List.of(), List.of(7)));
    }

    @Test
    void streamsTheRoleThenTextThenAStopChunkWithSourcesThenUsage() {
        Completion completion = new Completion("chatcmpl-1", 1_700_000_000, "groundwork", ASKED, true);
        List<Chunk> chunks = new ArrayList<>();
        answer(null).forEach(event -> chunks.addAll(completion.chunks(event)));

        assertThat(chunks).hasSize(5);
        assertThat(chunks.get(0).choices().get(0).delta()).isEqualTo(new OpenAiResponses.Delta("assistant", ""));
        assertThat(chunks.subList(1, 3)).extracting(c -> c.choices().get(0).delta().content())
                .containsExactly("Redis is in memory", " [1].");
        Chunk stop = chunks.get(3);
        assertThat(stop.choices().get(0).finishReason()).isEqualTo("stop");
        assertThat(stop.groundwork().sources()).extracting(OpenAiResponses.Source::chunkId).containsExactly("chunk-1");
        assertThat(stop.groundwork().citations()).containsExactly(new AnswerEvents.Citation(1, "chunk-1"));
        assertThat(stop.groundwork().droppedCitations()).containsExactly(7);
        assertThat(stop.usage()).isNull();
        Chunk usage = chunks.get(4);
        assertThat(usage.choices()).isEmpty();
        // prompt: "What is Redis?" (3 words) + the source's text (9 words) = 12 * 1.3; completion: 5 words * 1.3
        assertThat(usage.usage()).isEqualTo(new OpenAiResponses.Usage(16, 7, 23));
        assertThat(chunks).allSatisfy(c -> assertThat(c.id()).isEqualTo("chatcmpl-1"));
    }

    @Test
    void chunksAreOpenAisJsonWithNullFinishReasonAndNoExtensionBeforeTheEnd() {
        Completion completion = new Completion("chatcmpl-1", 1_700_000_000, "groundwork", ASKED, false);
        List<Chunk> chunks = new ArrayList<>();
        answer(null).forEach(event -> chunks.addAll(completion.chunks(event)));

        assertThat(chunks).hasSize(4).noneMatch(c -> c.usage() != null);
        assertThat(JSON.writeValueAsString(chunks.get(1))).isEqualTo("{\"id\":\"chatcmpl-1\",\"object\":"
                + "\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"groundwork\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"Redis is in memory\"},\"finish_reason\":null,\"logprobs\":null}]}");
        assertThat(JSON.writeValueAsString(chunks.get(3))).contains("\"finish_reason\":\"stop\"")
                .contains("\"groundwork\":{\"mode\":\"extractive\"").contains("\"quote\":\"Redis is an in-memory");
    }

    @Test
    void wholeCompletionCarriesTheTextTheModelsUsageAndTheSources() {
        Completion completion = new Completion("chatcmpl-2", 1_700_000_000, "groundwork/r1", ASKED, false);
        answer(new TokenUsage(120, 5, 125)).forEach(completion::accept);

        OpenAiResponses.ChatCompletion whole = completion.completion();
        assertThat(whole.object()).isEqualTo("chat.completion");
        assertThat(whole.choices().get(0).message().content()).isEqualTo("Redis is in memory [1].");
        assertThat(whole.choices().get(0).finishReason()).isEqualTo("stop");
        assertThat(whole.usage()).isEqualTo(new OpenAiResponses.Usage(120, 5, 125));
        assertThat(whole.groundwork().usageEstimated()).isFalse();
        assertThat(whole.groundwork().sources()).singleElement().satisfies(source -> {
            assertThat(source.n()).isEqualTo(1);
            assertThat(source.url()).isEqualTo("https://redis.io/docs");
            assertThat(source.headingPath()).containsExactly("Get started");
        });
    }
}
