package dev.groundwork.api.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Abuse limits ({@code groundwork.limits.*}): requests per learner on the expensive endpoints, sign-in attempts, and
 * how large a request body may be. Counts are shared by every app instance (they live in PostgreSQL, see
 * {@link RateLimiter}).
 *
 * @param answers          asks per learner per {@code window}: {@code POST /api/answers}, {@code POST /v1/chat/completions}
 * @param cards            card generations per learner per {@code window}: {@code POST /api/topics/{id}/cards/generate}
 * @param interviews       interview starts and graded answers per learner per {@code window}
 * @param imports          roadmap imports and updates, card imports and sources added to topics per learner per
 *                         {@code window}
 * @param window           the fixed window of the four limits above
 * @param loginPerAccount  failed sign-ins per account per {@code loginWindow}
 * @param loginPerAddress  failed sign-ins per client address per {@code loginWindow}
 * @param loginWindow      the fixed window of the two sign-in limits
 * @param jsonBody         largest body of any request without a larger limit below
 * @param uploadOverhead   what a multipart upload may add to its file (headers, boundaries): a roadmap upload may be
 *                         {@code groundwork.roadmap.max-size} plus this, a card import
 *                         {@code groundwork.exchange.max-file-size} plus this
 * @param hardCap          above this (or the largest limit, if larger) a body is not read at all: the 413 is sent and
 *                         the connection closed, so a client still sending may see a reset instead of the answer
 */
@Validated
@ConfigurationProperties("groundwork.limits")
public record LimitProperties(
        @Min(1) @DefaultValue("30") int answers,
        @Min(1) @DefaultValue("10") int cards,
        @Min(1) @DefaultValue("30") int interviews,
        @Min(1) @DefaultValue("10") int imports,
        @NotNull @DefaultValue("1m") Duration window,
        @Min(1) @DefaultValue("5") int loginPerAccount,
        @Min(1) @DefaultValue("20") int loginPerAddress,
        @NotNull @DefaultValue("15m") Duration loginWindow,
        @NotNull @DefaultValue("256KB") DataSize jsonBody,
        @NotNull @DefaultValue("1MB") DataSize uploadOverhead,
        @NotNull @DefaultValue("128MB") DataSize hardCap) {
}
