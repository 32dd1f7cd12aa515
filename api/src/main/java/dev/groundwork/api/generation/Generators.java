package dev.groundwork.api.generation;

import java.util.Optional;

/** The generators this app has: always the extractive one, the model one when configured. */
public final class Generators {

    private final LlmGenerator llm;
    private final LlmCardWriter cards;
    private final LlmGrader grader;
    private final ExtractiveGenerator extractive;

    public Generators(LlmGenerator llm, LlmCardWriter cards, LlmGrader grader, ExtractiveGenerator extractive) {
        this.llm = llm;
        this.cards = cards;
        this.grader = grader;
        this.extractive = extractive;
    }

    /** The model that grades interview answers point by point, when a model is configured. */
    public Optional<LlmGrader> grader() {
        return Optional.ofNullable(grader);
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
