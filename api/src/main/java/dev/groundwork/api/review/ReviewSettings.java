package dev.groundwork.api.review;

import dev.groundwork.api.review.fsrs.SchedulerSettings;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * A learner's review settings.
 *
 * @param desiredRetention    the probability of recall FSRS schedules for, 0.70 … 0.99 (default 0.90)
 * @param dailyNewLimit       new items introduced per day, 0 … 9999 (default 20)
 * @param maximumIntervalDays the longest interval, 1 … 36500 days
 * @param fuzz                spread intervals of 3 days and more a little, so cards learnt together drift apart
 * @param timeZone            where the learner's day is; a day starts at 04:00 there, as in Anki
 */
public record ReviewSettings(double desiredRetention, int dailyNewLimit, int maximumIntervalDays, boolean fuzz,
        String timeZone) {

    public static final ReviewSettings DEFAULTS = new ReviewSettings(0.9, 20, 36500, true, "UTC");

    /** What is wrong with these settings, or {@code null} when nothing is. */
    String problem() {
        if (!(desiredRetention >= 0.7 && desiredRetention <= 0.99)) {
            return "desiredRetention must be between 0.70 and 0.99.";
        }
        if (dailyNewLimit < 0 || dailyNewLimit > 9999) {
            return "dailyNewLimit must be between 0 and 9999.";
        }
        if (maximumIntervalDays < 1 || maximumIntervalDays > 36500) {
            return "maximumIntervalDays must be between 1 and 36500.";
        }
        if (timeZone == null) {
            return "timeZone must be an IANA time zone such as Europe/Berlin.";
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException unknown) {
            return "timeZone '" + timeZone + "' is not a known time zone (use an IANA name such as Europe/Berlin).";
        }
        return null;
    }

    ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The scheduler's settings: FSRS-6 defaults with this learner's retention, maximum interval and fuzz. */
    public SchedulerSettings scheduler() {
        return SchedulerSettings.DEFAULTS.withRetention(desiredRetention).withMaximumInterval(maximumIntervalDays)
                .withFuzz(fuzz);
    }
}
