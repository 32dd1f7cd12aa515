package dev.groundwork.api.ingestion;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The ingestion progress stream ({@code groundwork.ingestion-events.*}).
 *
 * @param poll      how often a followed roadmap's state is read from the database (any worker, in any process, may
 *                  move it): one read per roadmap per app instance, however many streams follow it
 * @param heartbeat how often a comment keeps an idle connection open
 */
@Validated
@ConfigurationProperties("groundwork.ingestion-events")
public record IngestionStreamProperties(
        @DefaultValue("500ms") Duration poll,
        @DefaultValue("15s") Duration heartbeat) {
}
