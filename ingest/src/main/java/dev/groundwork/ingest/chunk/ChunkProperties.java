package dev.groundwork.ingest.chunk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Chunk sizes in embedding-model tokens, special tokens excluded ({@code groundwork.chunk.*}).
 *
 * @param targetTokens blocks are packed into a chunk up to this size; ~300 BGE tokens retrieves well
 * @param maxTokens    hard ceiling of every chunk; a single block above it is split. At most 510, so that with
 *                     {@code [CLS]} and {@code [SEP]} a chunk fits the model's 512-token window untruncated
 * @param minTokens    a chunk smaller than this joins a neighbour of the same section when the two fit
 *                     {@code maxTokens}
 */
@Validated
@ConfigurationProperties("groundwork.chunk")
public record ChunkProperties(
        @Min(1) @DefaultValue("300") int targetTokens,
        @Min(1) @Max(510) @DefaultValue("480") int maxTokens,
        @Min(0) @DefaultValue("40") int minTokens) {

    /** The model's window (512) less its two special tokens. */
    static final int WINDOW = 510;

    public ChunkProperties {
        if (minTokens < 0 || minTokens > targetTokens || targetTokens < 1 || targetTokens > maxTokens
                || maxTokens > WINDOW) {
            throw new IllegalArgumentException("Need 0 <= minTokens <= targetTokens <= maxTokens <= " + WINDOW
                    + ", got " + minTokens + ", " + targetTokens + ", " + maxTokens);
        }
    }

    /** 300 / 480 / 40. */
    public static ChunkProperties defaults() {
        return new ChunkProperties(300, 480, 40);
    }
}
