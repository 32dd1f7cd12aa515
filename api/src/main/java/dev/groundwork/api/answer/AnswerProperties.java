package dev.groundwork.api.answer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The answer stream ({@code groundwork.answers.*}).
 *
 * @param heartbeat    how often a comment keeps an idle stream open
 * @param historyTurns earlier turns of a conversation used to read a follow-up question
 */
@Validated
@ConfigurationProperties("groundwork.answers")
public record AnswerProperties(
        @DefaultValue("15s") Duration heartbeat,
        @Min(0) @Max(20) @DefaultValue("3") int historyTurns) {
}
