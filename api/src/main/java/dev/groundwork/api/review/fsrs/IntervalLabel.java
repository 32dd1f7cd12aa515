package dev.groundwork.api.review.fsrs;

import java.time.Duration;

/**
 * A short, Anki-like label for a wait, as shown on the answer buttons: seconds under a minute ("30s"), minutes under
 * an hour ("10m"), hours under a day ("3h"), days under 30 days ("3d"), months of 365/12 days under a year ("2.1mo"),
 * else years of 365 days ("1.5y"). Seconds, minutes, hours and days are rounded to whole units; months and years to
 * one decimal, without a trailing ".0".
 */
public final class IntervalLabel {

    private static final double SECONDS_PER_DAY = 86_400;
    private static final double SECONDS_PER_YEAR = 365 * SECONDS_PER_DAY;
    private static final double SECONDS_PER_MONTH = SECONDS_PER_YEAR / 12;

    private IntervalLabel() {
    }

    /**
     * The label for {@code wait}.
     *
     * @throws IllegalArgumentException if {@code wait} is negative
     */
    public static String of(Duration wait) {
        if (wait.isNegative()) {
            throw new IllegalArgumentException("a wait is not negative: " + wait);
        }
        double seconds = wait.toMillis() / 1000.0;
        if (seconds < 60) {
            return Math.round(seconds) + "s";
        }
        if (seconds < 3600) {
            return Math.round(seconds / 60) + "m";
        }
        if (seconds < SECONDS_PER_DAY) {
            return Math.round(seconds / 3600) + "h";
        }
        if (seconds < 30 * SECONDS_PER_DAY) {
            return Math.round(seconds / SECONDS_PER_DAY) + "d";
        }
        if (seconds < SECONDS_PER_YEAR) {
            return oneDecimal(seconds / SECONDS_PER_MONTH) + "mo";
        }
        return oneDecimal(seconds / SECONDS_PER_YEAR) + "y";
    }

    private static String oneDecimal(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : tenths / 10 + "." + tenths % 10;
    }
}
