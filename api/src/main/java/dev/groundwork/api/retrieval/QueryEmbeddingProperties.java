package dev.groundwork.api.retrieval;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How questions are embedded for search ({@code groundwork.query-embedding.*}), see {@link QueryEmbedder}.
 *
 * @param window       how long the first question of a batch waits for others before the batch is embedded; {@code 0}
 *                     embeds as soon as an inference thread is free, so questions only batch up while every thread is
 *                     busy
 * @param maxBatch     questions embedded together at most; a full batch goes at once, without waiting for the window
 * @param cacheEntries question vectors kept (least recently used dropped first); {@code 0} turns the cache off. About
 *                     1.6 kB each for a 384-dimensional model
 */
@Validated
@ConfigurationProperties("groundwork.query-embedding")
public record QueryEmbeddingProperties(
        @DefaultValue("0ms") Duration window,
        @Min(1) @Max(1024) @DefaultValue("16") int maxBatch,
        @Min(0) @DefaultValue("4096") int cacheEntries) {

    public QueryEmbeddingProperties {
        if (window == null || window.isNegative()) {
            throw new IllegalArgumentException("window must be zero or positive");
        }
    }
}
