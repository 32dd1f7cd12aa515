package dev.groundwork.api.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.groundwork.api.generation.TokenUsage;
import dev.groundwork.api.retrieval.RetrievedChunk;
import java.util.List;

/** The data of each event of the answer stream; the event name says which. */
final class AnswerEvents {

    private AnswerEvents() {
    }

    /** {@code sources}: first, the numbered chunks the answer may cite. */
    record Sources(String mode, String conversationId, List<Source> sources) {
    }

    /** Source {@code n}: chunk {@code chunkId}, with what a citation shows. */
    record Source(int n, String chunkId, String title, String url, List<String> headingPath, Integer page,
            String snippet, String text) {

        static Source of(int n, RetrievedChunk chunk) {
            return new Source(n, chunk.id(), chunk.title(), chunk.url(), chunk.headingPath(), chunk.page(),
                    chunk.snippet(200), chunk.text());
        }
    }

    /** {@code token}: a piece of the answer text. */
    record Token(String text) {
    }

    /** {@code citation}: marker {@code [n]}, just completed in the text, resolves to chunk {@code chunkId}. */
    record Citation(int n, String chunkId) {
    }

    /** {@code notice}: something the reader should know, e.g. {@code fallback} to extraction. */
    record Notice(String kind, String message) {
    }

    /** {@code done}: the answer is complete. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Done(String mode, String model, TokenUsage usage, long latencyMs, Long firstTokenMs, String conversationId,
            List<String> unsupported, List<Integer> droppedCitations) {
    }
}
