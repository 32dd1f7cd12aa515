package dev.groundwork.api.generation;

import java.util.Optional;

/** The generators this app has: always the extractive one, the model one when configured. */
public final class Generators {

    private final LlmGenerator llm;
    private final LlmCardWriter cards;
    private final ExtractiveGenerator extractive;

    public Generators(LlmGenerator llm, LlmCardWriter cards, ExtractiveGenerator extractive) {
        this.llm = llm;
        this.cards = cards;
        this.extractive = extractive;
    }

    /** The model that writes cards, when a model is configured. */
    public Optional<LlmCardWriter> cards() {
        return Optional.ofNullable(cards);
    }

    public Optional<LlmGenerator> llm() {
        return Optional.ofNullable(llm);
    }

    public ExtractiveGenerator extractive() {
        return extractive;
    }
}
