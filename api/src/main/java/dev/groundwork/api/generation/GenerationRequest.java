package dev.groundwork.api.generation;

import dev.groundwork.api.retrieval.RetrievedChunk;
import java.util.List;

/**
 * What to answer from.
 *
 * @param question the learner's question (for a follow-up, as asked)
 * @param sources  the retrieved chunks; source {@code n} is {@code sources.get(n - 1)}
 * @param history  earlier turns of the conversation, oldest first
 */
public record GenerationRequest(String question, List<RetrievedChunk> sources, List<Turn> history) {

    public GenerationRequest {
        sources = List.copyOf(sources);
        history = List.copyOf(history);
    }

    /** One earlier exchange of a conversation. */
    public record Turn(String question, String answer) {
    }
}
