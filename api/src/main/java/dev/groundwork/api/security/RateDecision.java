package dev.groundwork.api.security;

/**
 * What {@link RateLimiter} decided about one request.
 *
 * @param allowed           whether the request is within the limit
 * @param limit             requests allowed per window
 * @param remaining         requests still allowed in this window (0 once over)
 * @param retryAfterSeconds seconds until the window ends, at least 1
 */
public record RateDecision(boolean allowed, int limit, int remaining, long retryAfterSeconds) {

    static RateDecision of(int hits, int limit, long retryAfterSeconds) {
        return new RateDecision(hits <= limit, limit, Math.max(0, limit - hits), retryAfterSeconds);
    }
}
