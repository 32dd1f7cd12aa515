package dev.groundwork.api.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.groundwork.api.generation.TokenUsage;
import dev.groundwork.api.retrieval.RetrievedChunk;
import java.util.List;

/**
 * The events of an answer, in order: {@link Sources}, {@link Token}s each followed by the {@link Citation}s it
 * completed (maybe a {@link Notice}), then {@link Done}. As server-sent events the event name says which; other
 * features (the OpenAI-compatible API) read them as values from {@link AnswerService#ask}.
 */
public final class AnswerEvents {

    private AnswerEvents() {
    }

    /** One event of an answer. */
    public sealed interface Event permits Sources, Token, Citation, Notice, Done {
    }

    /**
     * {@code sources}: first, the numbered chunks the answer may cite.
     *
     * @param conversationId the conversation the turn is stored in; {@code null} when nothing is stored
     */
    public record Sources(String mode, String conversationId, List<Source> sources) implements Event {
    }

    /** Source {@code n}: chunk {@code chunkId}, with what a citation shows. */
    public record Source(int n, String chunkId, String title, String url, List<String> headingPath, Integer page,
            String snippet, String text) {

        static Source of(int n, RetrievedChunk chunk) {
            return new Source(n, chunk.id(), chunk.title(), chunk.url(), chunk.headingPath(), chunk.page(),
                    chunk.snippet(200), chunk.text());
        }
    }

    /** {@code token}: a piece of the answer text. */
    public record Token(String text) implements Event {
    }

    /** {@code citation}: marker {@code [n]}, just completed in the text, resolves to chunk {@code chunkId}. */
    public record Citation(int n, String chunkId) implements Event {
    }

    /** {@code notice}: something the reader should know, e.g. {@code fallback} to extraction. */
    public record Notice(String kind, String message) implements Event {
    }

    /**
     * {@code done}: the answer is complete. {@code model} and {@code usage} are the model's ({@code null} when
     * extracted or unreported); {@code conversationId} is {@code null} when nothing was stored.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Done(String mode, String model, TokenUsage usage, long latencyMs, Long firstTokenMs,
            String conversationId, List<String> unsupported, List<Integer> droppedCitations) implements Event {
    }
}
