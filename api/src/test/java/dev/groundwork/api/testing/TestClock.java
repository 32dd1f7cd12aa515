package dev.groundwork.api.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock tests move by hand, so that "ten minutes later" and "a month later" happen at once: the application's
 * {@link Clock} in a context that imports this configuration.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    public static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    private static final Moving CLOCK = new Moving();

    @Bean
    @Primary
    Clock testClock() {
        return CLOCK;
    }

    /** Back to {@link #START}. */
    public static void reset() {
        CLOCK.now = START;
    }

    public static void advance(Duration by) {
        CLOCK.now = CLOCK.now.plus(by);
    }

    public static Instant now() {
        return CLOCK.now;
    }

    private static final class Moving extends Clock {

        private volatile Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the test clock is in UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
