package dev.groundwork.api.generation;

import java.util.Optional;

/** The generators this app has: always the extractive one, the model one when configured. */
public final class Generators {

    private final LlmGenerator llm;
    private final ExtractiveGenerator extractive;

    public Generators(LlmGenerator llm, ExtractiveGenerator extractive) {
        this.llm = llm;
        this.extractive = extractive;
    }

    public Optional<LlmGenerator> llm() {
        return Optional.ofNullable(llm);
    }

    public ExtractiveGenerator extractive() {
        return extractive;
    }
}
