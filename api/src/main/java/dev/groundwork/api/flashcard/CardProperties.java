package dev.groundwork.api.flashcard;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Flashcards ({@code groundwork.cards.*}).
 *
 * @param maxFrontLength        longest front (characters)
 * @param maxBackLength         longest back or cloze extra
 * @param maxTextLength         longest cloze text
 * @param duplicateSimilarity   cosine similarity of two cards' embedded content (front and back, or the cloze read
 *                              out) at or above which a generated card duplicates one the learner has
 * @param maxPageSize           largest page of a roadmap's cards
 * @param heartbeat             how often a comment keeps the generation stream open
 * @param maxGenerate           most cards one generation may ask for
 * @param thinSources           a topic with fewer chunks of its own sources than this also draws on the whole
 *                              knowledge base for its concepts
 */
@Validated
@ConfigurationProperties("groundwork.cards")
public record CardProperties(
        @Min(10) @DefaultValue("1000") int maxFrontLength,
        @Min(10) @DefaultValue("4000") int maxBackLength,
        @Min(10) @DefaultValue("4000") int maxTextLength,
        @DecimalMin("0.5") @DecimalMax("1.0") @DefaultValue("0.95") double duplicateSimilarity,
        @Min(1) @Max(1000) @DefaultValue("200") int maxPageSize,
        @DefaultValue("15s") Duration heartbeat,
        @Min(1) @Max(200) @DefaultValue("50") int maxGenerate,
        @Min(0) @DefaultValue("20") int thinSources) {
}
