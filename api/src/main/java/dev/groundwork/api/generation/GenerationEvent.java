package dev.groundwork.api.generation;

/** What a {@link Generator} emits: text deltas, then one completion. */
public sealed interface GenerationEvent {

    /** A piece of the answer's text (Markdown); concatenated in order they form the answer. */
    record Token(String text) implements GenerationEvent {
    }

    /**
     * The answer is complete.
     *
     * @param model the model that answered, {@code null} when extracting
     * @param usage tokens the model reported, {@code null} when unknown or extracting
     */
    record Completed(String model, TokenUsage usage) implements GenerationEvent {
    }
}
