package dev.groundwork.ingest.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when the sleeper "sleeps": waits are recorded and cost no real time. */
final class FakeTime extends Clock implements Sleeper {

    static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private volatile Instant now = START;

    @Override
    public synchronized void sleep(Duration duration) {
        if (!duration.isZero() && !duration.isNegative()) {
            sleeps.add(duration);
            now = now.plus(duration);
        }
    }

    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
