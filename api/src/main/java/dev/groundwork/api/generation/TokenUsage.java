package dev.groundwork.api.generation;

/** Tokens a model reported for one answer; any count may be {@code null} when the server did not say. */
public record TokenUsage(Integer promptTokens, Integer completionTokens, Integer totalTokens) {
}
