package dev.groundwork.ingest.pipeline;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits for roadmap documents ({@code groundwork.roadmap.*}).
 *
 * @param maxSize the largest roadmap document accepted; larger ones are rejected before parsing
 */
@Validated
@ConfigurationProperties("groundwork.roadmap")
public record RoadmapProperties(@NotNull @DefaultValue("1MB") DataSize maxSize) {
}
