package dev.groundwork.api.generation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The HTTP client that talks to the language model ({@code groundwork.model-http.*}). Spring AI's OpenAI client runs
 * on OkHttp, which opens one connection per streamed answer and by default keeps only 5 of them idle for reuse: after
 * a burst of concurrent answers every later question pays a new connection (a TLS handshake with a remote model).
 *
 * @param maxIdleConnections connections to the model kept open for reuse once their answer is done; set it near
 *                           the number of answers streamed at once
 * @param keepAlive          how long an idle connection is kept
 * @param callTimeout        the longest one model call may take as a whole, its streamed answer included (the
 *                           wait for the first and each next token is {@code groundwork.generation.*-timeout})
 */
@Validated
@ConfigurationProperties("groundwork.model-http")
public record ModelHttpProperties(
        @Min(0) @DefaultValue("64") int maxIdleConnections,
        @NotNull @DefaultValue("5m") Duration keepAlive,
        @NotNull @DefaultValue("10m") Duration callTimeout) {
}
