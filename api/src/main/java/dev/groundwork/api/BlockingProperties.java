package dev.groundwork.api;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of the scheduler that runs blocking database work ({@code groundwork.blocking.*}).
 *
 * @param jdbcThreads at most this many threads run JDBC calls at once; keep it near the connection pool size
 * @param jdbcQueue   tasks that may wait for a thread before new ones are refused
 */
@Validated
@ConfigurationProperties("groundwork.blocking")
public record BlockingProperties(
        @Min(1) @DefaultValue("10") int jdbcThreads,
        @Min(1) @DefaultValue("1000") int jdbcQueue) {
}
