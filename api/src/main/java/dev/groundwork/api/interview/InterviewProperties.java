package dev.groundwork.api.interview;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Mock interviews ({@code groundwork.interview.*}).
 *
 * @param maxQuestions    questions a session may ask for at most
 * @param maxAnswerChars  longest answer (and draft) accepted, in characters
 * @param thinSources     a topic with fewer chunks of its own than this also draws on the whole knowledge base
 * @param covered         offline grading: a point whose best match in the answer reaches this is covered
 * @param partial         offline grading: … and partly covered from this up to {@link #covered}
 * @param heartbeat       interval of the keep-alive comment on a grading stream
 */
@Validated
@ConfigurationProperties("groundwork.interview")
public record InterviewProperties(
        @Min(1) @Max(50) @DefaultValue("15") int maxQuestions,
        @Min(100) @Max(100_000) @DefaultValue("10000") int maxAnswerChars,
        @Min(0) @DefaultValue("20") int thinSources,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue(COVERED) double covered,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue(PARTIAL) double partial,
        @DefaultValue("15s") Duration heartbeat) {

    /** The calibrated default of {@link #covered()} ({@code GraderCalibrationTest}). */
    public static final String COVERED = "0.62";
    /** The calibrated default of {@link #partial()}. */
    public static final String PARTIAL = "0.50";
}
