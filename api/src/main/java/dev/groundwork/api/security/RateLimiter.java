package dev.groundwork.api.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Fixed-window request counters shared by every app instance: one row of {@code rate_window} per key and window,
 * counted up by one statement per hit, so two instances on one database never count apart.
 *
 * <p>A window of length {@code w} starts at a multiple of {@code w} since the epoch. Rows of windows that ended
 * more than a day ago are deleted, at most once a minute per instance, by the hit that notices.
 *
 * <p>Threading: the statements run on the {@code jdbc} scheduler; the returned {@link Mono} never blocks.
 */
@Component
public class RateLimiter {

    static final Duration KEEP = Duration.ofDays(1);
    static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Scheduler scheduler;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

    RateLimiter(JdbcClient jdbc, Clock clock, @Qualifier("jdbcScheduler") Scheduler scheduler) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** Counts one request of {@code key} and says whether it is within {@code limit} per {@code window}. */
    public Mono<RateDecision> hit(String key, int limit, Duration window) {
        return Mono.fromCallable(() -> {
            Instant now = clock.instant();
            Instant start = windowStart(now, window);
            int hits = jdbc.sql("""
                    INSERT INTO rate_window (key, window_start, hits) VALUES (?, ?, 1)
                    ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_window.hits + 1
                    RETURNING hits""").params(key, Timestamp.from(start)).query(Integer.class).single();
            purgeIfDue(now);
            return RateDecision.of(hits, limit, retryAfterSeconds(now, start, window));
        }).subscribeOn(scheduler);
    }

    /**
     * Whether one more request of {@code key} would be within the limit, without counting it: for checks that count
     * only failures (sign-ins). Allowed while fewer than {@code limit} hits are counted in the window.
     */
    public Mono<RateDecision> peek(String key, int limit, Duration window) {
        return Mono.fromCallable(() -> {
            Instant now = clock.instant();
            Instant start = windowStart(now, window);
            int hits = jdbc.sql("SELECT coalesce(max(hits), 0) FROM rate_window WHERE key = ? AND window_start = ?")
                    .params(key, Timestamp.from(start)).query(Integer.class).single();
            return RateDecision.of(hits + 1, limit, retryAfterSeconds(now, start, window));
        }).subscribeOn(scheduler);
    }

    /** The start of the fixed window of length {@code window} that holds {@code now}. */
    static Instant windowStart(Instant now, Duration window) {
        long length = window.toMillis();
        if (length <= 0) {
            throw new IllegalArgumentException("A rate window must be at least a millisecond long: " + window);
        }
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
    }

    /** Whole seconds until the window ends, rounded up, at least 1. */
    static long retryAfterSeconds(Instant now, Instant start, Duration window) {
        long millis = Duration.between(now, start.plus(window)).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private void purgeIfDue(Instant now) {
        Instant last = lastPurge.get();
        if (last.isAfter(now.minus(PURGE_EVERY)) || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        jdbc.sql("DELETE FROM rate_window WHERE window_start < ?").param(Timestamp.from(now.minus(KEEP))).update();
    }
}
