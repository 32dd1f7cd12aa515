package dev.groundwork.api.openai;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The OpenAI-compatible API ({@code groundwork.openai.*}).
 *
 * @param maxQuestionLength the longest last user message answered, in characters (as {@code /api/answers})
 */
@Validated
@ConfigurationProperties("groundwork.openai")
public record OpenAiProperties(@Min(1) @DefaultValue("2000") int maxQuestionLength) {
}
