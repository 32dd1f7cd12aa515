package dev.groundwork.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groundwork.api.answer.AnswerEvents;
import java.util.List;

/** The JSON bodies of the OpenAI-compatible API, field for field as OpenAI sends them, plus {@link Groundwork}. */
final class OpenAiResponses {

    private OpenAiResponses() {
    }

    /** {@code GET /v1/models}. */
    record ModelList(String object, List<Model> data) {

        ModelList(List<Model> data) {
            this("list", data);
        }
    }

    /** One model; {@code created} in epoch seconds. */
    record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {

        Model(String id, long created) {
            this(id, "model", created, "groundwork");
        }
    }

    /** A whole answer ({@code stream: false}). */
    record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage,
            Groundwork groundwork) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Choice(int index, Message message, @JsonProperty("finish_reason") String finishReason, Object logprobs) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Message(String role, String content, String refusal) {
    }

    /**
     * A piece of a streamed answer. {@code usage} only in the last chunk when asked for; {@code groundwork} only in
     * the chunk with {@code finish_reason} {@code stop}.
     */
    record Chunk(String id, String object, long created, String model, List<ChunkChoice> choices,
            @JsonInclude(JsonInclude.Include.NON_NULL) Usage usage,
            @JsonInclude(JsonInclude.Include.NON_NULL) Groundwork groundwork) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ChunkChoice(int index, Delta delta, @JsonProperty("finish_reason") String finishReason, Object logprobs) {
    }

    /** What a chunk adds: the role in the first, text after it, nothing in the last. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(String role, String content) {
    }

    /** Token counts: the model's, or estimated ({@link TokenEstimate}, flagged in {@link Groundwork}). */
    record Usage(@JsonProperty("prompt_tokens") int promptTokens,
            @JsonProperty("completion_tokens") int completionTokens,
            @JsonProperty("total_tokens") int totalTokens) {
    }

    /**
     * The extension field {@code groundwork}: how the answer was made and what its {@code [n]} markers point at.
     *
     * @param mode             {@code llm} or {@code extractive}
     * @param model            the model that wrote the answer, {@code null} when extracted
     * @param usageEstimated   the usage was estimated, not reported by a model
     * @param sources          source {@code n} is what marker {@code [n]} cites
     * @param citations        the valid markers, in the order the text completes them
     * @param unsupported      sentences of the answer without a valid citation
     * @param droppedCitations markers that point at no source
     * @param notices          e.g. {@code fallback} when the model failed and the answer was extracted
     */
    record Groundwork(String mode, String model, boolean usageEstimated, List<Source> sources,
            List<AnswerEvents.Citation> citations, List<String> unsupported, List<Integer> droppedCitations,
            List<AnswerEvents.Notice> notices) {
    }

    /**
     * Source {@code n}: the chunk {@code chunkId} of the page {@code url} ({@code page} for a PDF), under
     * {@code headingPath}; {@code quote} is the start of its text (up to 200 characters).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Source(int n, String chunkId, String title, String url, List<String> headingPath, Integer page,
            String quote) {

        static Source of(AnswerEvents.Source source) {
            return new Source(source.n(), source.chunkId(), source.title(), source.url(), source.headingPath(),
                    source.page(), source.snippet());
        }
    }
}
