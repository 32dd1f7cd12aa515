package dev.groundwork.api.embedding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The model retrieval embeds with ({@code groundwork.embedding.provider}, {@code .openai.*}) and how a switch to it is
 * built ({@code .rebuild.*}). The local model's own settings ({@code threads}, {@code batch-size}) are the ingest
 * module's {@code EmbeddingProperties} under the same prefix.
 *
 * @param provider {@code local} (the bundled bge-small, vectors in {@code chunks.embedding}) or {@code openai} (any
 *                 OpenAI-compatible {@code /v1/embeddings}); anything else fails startup
 */
@Validated
@ConfigurationProperties("groundwork.embedding")
public record EmbeddingModelProperties(
        @NotNull @DefaultValue("local") Provider provider,
        @Valid @DefaultValue OpenAi openai,
        @Valid @DefaultValue Rebuild rebuild) {

    public enum Provider { LOCAL, OPENAI }

    /**
     * An OpenAI-compatible embeddings endpoint.
     *
     * @param baseUrl    with {@code /v1}
     * @param apiKey     empty for a server without authentication
     * @param model      the model name sent with each request
     * @param dimensions what its vectors must have (sent as {@code dimensions}, checked against a probe at startup);
     *                   at most 2000, pgvector's limit for an HNSW index on {@code vector}
     * @param timeout    per request
     * @param maxRetries retries of a failed request, by the OpenAI SDK
     */
    public record OpenAi(
            @NotBlank @DefaultValue("https://api.openai.com/v1") String baseUrl,
            @NotNull @DefaultValue("") String apiKey,
            @NotBlank @DefaultValue("text-embedding-3-small") String model,
            @Min(1) @Max(2000) @DefaultValue("1536") int dimensions,
            @NotNull @DefaultValue("60s") Duration timeout,
            @Min(0) @DefaultValue("2") int maxRetries) {
    }

    /**
     * The background work that gives every chunk a vector of a model other than the base one.
     *
     * @param batchSize chunks embedded per request and committed together; a restart redoes at most one batch
     * @param interval  how often it looks for chunks without a vector (new ones, or a build to resume)
     * @param lease     how long a process's claim on the work lasts without renewal; another process takes over
     *                  after it, so one process builds at a time
     */
    public record Rebuild(
            @Min(1) @Max(2048) @DefaultValue("64") int batchSize,
            @NotNull @DefaultValue("10s") Duration interval,
            @NotNull @DefaultValue("2m") Duration lease) {
    }
}
