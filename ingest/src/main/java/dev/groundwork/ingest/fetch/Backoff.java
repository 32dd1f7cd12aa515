package dev.groundwork.ingest.fetch;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Waits between attempts: {@code base × 2^(attempt-1)}, or the server's Retry-After (delta seconds or an HTTP date),
 * never more than {@code max}. Stateless apart from the clock.
 */
record Backoff(Duration base, Duration max, Clock clock) {

    /** The wait before attempt {@code attempt + 1}, given the headers of the answer to attempt {@code attempt}. */
    Duration after(int attempt, HttpHeaders headers) {
        Duration wait = headers == null ? exponential(attempt)
                : headers.firstValue("Retry-After").flatMap(this::retryAfter).orElse(exponential(attempt));
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private Duration exponential(int attempt) {
        int shift = Math.min(Math.max(attempt - 1, 0), 20);
        return base.multipliedBy(1L << shift);
    }

    Optional<Duration> retryAfter(String value) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return Optional.of(Duration.ofSeconds(Math.max(seconds, 0)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(clock.instant(), when.toInstant());
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
