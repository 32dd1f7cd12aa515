package dev.groundwork.ingest.embed;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The local embedding model ({@code groundwork.embedding.*}).
 *
 * @param threads   inference threads; {@code 0} (the default) means one per available processor. Inference is
 *                  CPU-bound, so more threads than cores only adds contention
 * @param batchSize texts embedded per sub-batch of a larger request; bounds the memory a request holds at once
 */
@Validated
@ConfigurationProperties("groundwork.embedding")
public record EmbeddingProperties(
        @Min(0) @DefaultValue("0") int threads,
        @Min(1) @DefaultValue("32") int batchSize) {

    public EmbeddingProperties {
        if (threads < 0 || batchSize < 1) {
            throw new IllegalArgumentException("threads must be >= 0 and batchSize >= 1");
        }
        if (threads == 0) {
            threads = Runtime.getRuntime().availableProcessors();
        }
    }

    /** The defaults: a thread per available processor, sub-batches of 32. */
    public static EmbeddingProperties defaults() {
        return new EmbeddingProperties(0, 32);
    }
}
