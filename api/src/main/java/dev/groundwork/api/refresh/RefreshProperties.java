package dev.groundwork.api.refresh;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Scheduled re-checks of roadmap resources ({@code groundwork.refresh.*}).
 *
 * @param enabled         whether due roadmaps are re-checked at all (the global off switch; a check asked for by hand
 *                        still runs)
 * @param defaultInterval how long after a check the next one is due, for a roadmap without an interval of its own
 * @param minInterval     the shortest interval a roadmap may be given
 * @param maxInterval     the longest interval a roadmap may be given
 * @param tick            how often each app instance looks for due roadmaps and finished checks
 * @param batch           due roadmaps one look starts at most
 * @param settle          how long after a job ended in this instance its check is looked at (the job is marked done
 *                        just after its workers say it ended); a check not finished then is on the next tick
 */
@Validated
@ConfigurationProperties("groundwork.refresh")
public record RefreshProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("7d") Duration defaultInterval,
        @DefaultValue("1h") Duration minInterval,
        @DefaultValue("365d") Duration maxInterval,
        @DefaultValue("1m") Duration tick,
        @Min(1) @DefaultValue("10") int batch,
        @DefaultValue("1s") Duration settle) {
}
