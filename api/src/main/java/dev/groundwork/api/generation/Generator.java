package dev.groundwork.api.generation;

import reactor.core.publisher.Flux;

/**
 * Writes an answer from numbered sources. The stream is {@link GenerationEvent.Token}s and ends with one
 * {@link GenerationEvent.Completed}; the text cites source {@code n} as {@code [n]}. Cancelling the subscription
 * stops the work (and, for a model, closes its request). Implementations never block the subscribing thread.
 */
public interface Generator {

    /** {@code llm} or {@code extractive}, as the answer stream reports it. */
    String mode();

    Flux<GenerationEvent> generate(GenerationRequest request);
}
