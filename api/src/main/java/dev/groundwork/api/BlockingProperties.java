package dev.groundwork.api;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of the schedulers that run blocking work: database calls and embedding inference ({@code groundwork.blocking.*}).
 *
 * @param jdbcThreads at most this many threads run JDBC calls at once; keep it near the connection pool size
 * @param jdbcQueue   tasks that may wait for a thread before new ones are refused
 * @param inferenceThreads threads that may run embedding inference for requests at once; {@code 0} (the default)
 *                         means one per available processor, inference being CPU-bound
 * @param inferenceQueue   inference tasks that may wait for a thread
 */
@Validated
@ConfigurationProperties("groundwork.blocking")
public record BlockingProperties(
        @Min(1) @DefaultValue("10") int jdbcThreads,
        @Min(1) @DefaultValue("1000") int jdbcQueue,
        @Min(0) @DefaultValue("0") int inferenceThreads,
        @Min(1) @DefaultValue("1000") int inferenceQueue) {

    public BlockingProperties {
        if (inferenceThreads == 0) {
            inferenceThreads = Runtime.getRuntime().availableProcessors();
        }
    }
}
