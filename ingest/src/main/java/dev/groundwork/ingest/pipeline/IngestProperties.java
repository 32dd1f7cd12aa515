package dev.groundwork.ingest.pipeline;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Ingestion workers ({@code groundwork.ingest.*}).
 *
 * @param workers      worker threads per process claiming jobs
 * @param lease        how long a claimed job stays owned without a heartbeat; after that another worker may take it
 *                     (this is how work of a killed process resumes)
 * @param pollInterval how often to look again while other processes still hold open jobs of a roadmap
 * @param maxAttempts  claims of one job before it is recorded as failed
 */
@Validated
@ConfigurationProperties("groundwork.ingest")
public record IngestProperties(
        @Min(1) @DefaultValue("2") int workers,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("1s") Duration pollInterval,
        @Min(1) @DefaultValue("3") int maxAttempts) {
}
