package dev.groundwork.ingest.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Politeness per host: at most {@code perHostConcurrency} requests in flight, and request starts at least
 * {@code perHostDelay} apart. Thread-safe; {@link #acquire} blocks (interruptibly) until the request may start.
 */
final class HostThrottle {

    private final int concurrency;
    private final Duration delay;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, HostState> hosts = new ConcurrentHashMap<>();

    HostThrottle(int concurrency, Duration delay, Clock clock, Sleeper sleeper) {
        this.concurrency = concurrency;
        this.delay = delay;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits for a slot for {@code host}; pair every successful call with {@link #release}. */
    void acquire(String host) throws InterruptedException {
        HostState state = hosts.computeIfAbsent(host, h -> new HostState(new Semaphore(concurrency, true)));
        state.permits().acquire();
        try {
            Duration wait = state.reserve(clock.instant(), delay);
            sleeper.sleep(wait);
        } catch (InterruptedException | RuntimeException e) {
            state.permits().release();
            throw e;
        }
    }

    void release(String host) {
        HostState state = hosts.get(host);
        if (state != null) {
            state.permits().release();
        }
    }

    private static final class HostState {
        private final Semaphore permits;
        private Instant nextStart = Instant.MIN;

        HostState(Semaphore permits) {
            this.permits = permits;
        }

        Semaphore permits() {
            return permits;
        }

        /** Books the next start slot and says how long to wait for it. */
        synchronized Duration reserve(Instant now, Duration delay) {
            Instant start = now.isAfter(nextStart) ? now : nextStart;
            nextStart = start.plus(delay);
            return Duration.between(now, start);
        }
    }
}
