package dev.groundwork.api.generation;

import dev.groundwork.ingest.embed.HashingEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/** The deterministic {@link HashingEmbeddingModel}, counting the calls and the texts it embeds. */
final class CountingEmbeddingModel extends HashingEmbeddingModel {

    private final List<String> texts = new ArrayList<>();
    private int calls;

    @Override
    public synchronized EmbeddingResponse call(EmbeddingRequest request) {
        calls++;
        texts.addAll(request.getInstructions());
        return super.call(request);
    }

    @Override
    public synchronized float[] embed(String text) {
        calls++;
        texts.add(text);
        return super.embed(text);
    }

    /** Texts embedded so far. */
    synchronized List<String> texts() {
        return List.copyOf(texts);
    }

    /** Calls to the model so far (one per batch). */
    synchronized int calls() {
        return calls;
    }
}
