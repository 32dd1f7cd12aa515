package dev.groundwork.api.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One of the learner's study days: it starts at 04:00 in their time zone (as Anki's does), so a late-night session
 * still counts for the day it began.
 */
record ReviewDay(LocalDate date, ZoneId zone) {

    static final LocalTime ROLLOVER = LocalTime.of(4, 0);

    /** The study day {@code now} falls in. */
    static ReviewDay of(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate date = local.toLocalTime().isBefore(ROLLOVER) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
        return new ReviewDay(date, zone);
    }

    Instant start() {
        return date.atTime(ROLLOVER).atZone(zone).toInstant();
    }

    /** Exclusive: the next day's start. */
    Instant end() {
        return date.plusDays(1).atTime(ROLLOVER).atZone(zone).toInstant();
    }

    ReviewDay plusDays(int days) {
        return new ReviewDay(date.plusDays(days), zone);
    }
}
