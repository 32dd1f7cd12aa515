package dev.groundwork.ingest.fetch;

import java.time.Duration;

/** Waits; injected so that tests of backoff and politeness delays need not really wait. */
@FunctionalInterface
interface Sleeper {

    Sleeper REAL = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
