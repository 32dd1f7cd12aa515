package dev.groundwork.api.generation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Answer generation ({@code groundwork.generation.*}).
 *
 * @param firstTokenTimeout how long to wait for a model's first token before answering extractively instead
 * @param idleTimeout       longest silence between two tokens of a model before falling back
 * @param extractSentences  sentences an extractive answer quotes at most
 * @param sentenceCacheVectors statement vectors an extractive answer keeps for the next question, at most (each
 *                             about 2.5 KB with its words); the statements of a chunk are embedded once, on first
 *                             use, instead of once per question. 0 turns the cache off: every question embeds its
 *                             shortlist of statements
 */
@Validated
@ConfigurationProperties("groundwork.generation")
public record GenerationProperties(
        @DefaultValue("30s") Duration firstTokenTimeout,
        @DefaultValue("30s") Duration idleTimeout,
        @Min(1) @Max(20) @DefaultValue("5") int extractSentences,
        @Min(0) @DefaultValue("20000") int sentenceCacheVectors) {
}
