package dev.groundwork.api.review.fsrs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Schedules an item's next review from a grade with FSRS-6, as ts-fsrs 5.x does with short-term scheduling on:
 * new items go through the learning steps, forgotten ones through the relearning steps, and the rest wait whole days
 * until their retrievability is expected to fall to the desired retention.
 *
 * <p>Rules taken from ts-fsrs that a caller may notice:
 * <ul>
 * <li>Days elapsed since the last grade are counted between UTC calendar dates, so a grade at 23:59 UTC and the next
 * at 00:01 UTC are a day apart, and two grades on one UTC date use the same-day (short-term) formula.</li>
 * <li>Due times are exact: the grade's time plus whole minutes (steps) or whole 24-hour days (intervals).</li>
 * <li>In review, hard is never longer than good, and good and easy are each at least a day longer than the grade
 * before them, even where that passes the maximum interval by a day or two.</li>
 * <li>With fuzz on, intervals of 3 days and more move within ts-fsrs's ranges; where they land is drawn from
 * {@code fuzzSeed}, one draw per review, so {@link #preview} and {@link #next} agree.</li>
 * </ul>
 *
 * <p>Pure and immutable: safe to share between threads.
 */
public final class Scheduler {

    private static final long MINUTES_PER_DAY = 1440;

    private final SchedulerSettings settings;
    private final Fsrs fsrs;
    private final LearningSteps steps;

    public Scheduler(SchedulerSettings settings) {
        this.settings = settings;
        this.fsrs = new Fsrs(settings.weights(), settings.desiredRetention());
        this.steps = new LearningSteps(settings.learningSteps(), settings.relearningSteps());
    }

    /**
     * The item's state after {@code rating} at {@code now}.
     *
     * @throws IllegalArgumentException if {@code now} falls on a UTC date before the item's last review
     */
    public ItemState next(ItemState current, Rating rating, Instant now, long fuzzSeed) {
        int elapsedDays = elapsedDays(current, now);
        double fuzzFactor = new SplittableRandom(fuzzSeed).nextDouble();
        Memory memory = new Memory(current.stability(), current.difficulty());
        if (current.state() == State.REVIEW && rating != Rating.AGAIN) {
            return recalled(current, memory, rating, now, elapsedDays, fuzzFactor);
        }
        Memory after = fsrs.next(memory, elapsedDays, rating);
        int lapses = current.lapses() + (current.state() == State.REVIEW ? 1 : 0);
        Optional<LearningSteps.Step> step = steps.next(current.state(), current.step(), rating)
                .filter(s -> s.minutes() > 0);
        if (step.isEmpty()) {
            int days = interval(after.stability(), elapsedDays, fuzzFactor);
            return graded(State.REVIEW, 0, after, now.plus(Duration.ofDays(days)), now, days, current, lapses);
        }
        long minutes = step.get().minutes();
        Instant due = now.plus(Duration.ofMinutes(minutes));
        if (minutes >= MINUTES_PER_DAY) {
            int days = (int) (minutes / MINUTES_PER_DAY);
            return graded(State.REVIEW, step.get().next(), after, due, now, days, current, lapses);
        }
        return graded(inSteps(current.state()), step.get().next(), after, due, now, 0, current, lapses);
    }

    /** What each of the four grades at {@code now} would lead to. */
    public Map<Rating, ItemState> preview(ItemState current, Instant now, long fuzzSeed) {
        Map<Rating, ItemState> outcomes = new EnumMap<>(Rating.class);
        for (Rating rating : Rating.values()) {
            outcomes.put(rating, next(current, rating, now, fuzzSeed));
        }
        return outcomes;
    }

    /**
     * The probability, 0 … 1, that the item is recalled at {@code at}: the forgetting curve over the exact (fractional)
     * days since its last review, so items sort smoothly within a day. 0 for an item never reviewed.
     */
    public double retrievability(ItemState item, Instant at) {
        if (item.state() == State.NEW || item.lastReview() == null || item.stability() <= 0) {
            return 0;
        }
        double days = Math.max(0, Duration.between(item.lastReview(), at).toMillis()) / 86_400_000.0;
        return fsrs.retrievability(days, item.stability());
    }

    /** The fuzz seed for an item's review number {@code reps}: the same item and number always give the same seed. */
    public static long fuzzSeed(UUID itemId, int reps) {
        long mixed = itemId.getMostSignificantBits() ^ Long.rotateLeft(itemId.getLeastSignificantBits(), 31)
                ^ reps * 0x9E3779B97F4A7C15L;
        return new SplittableRandom(mixed).nextLong();
    }

    /** Hard, good or easy on an item in review: the three intervals are ordered before one is taken. */
    private ItemState recalled(ItemState current, Memory memory, Rating rating, Instant now, int elapsedDays,
            double fuzzFactor) {
        Map<Rating, Memory> memories = new EnumMap<>(Rating.class);
        for (Rating passed : new Rating[] { Rating.HARD, Rating.GOOD, Rating.EASY }) {
            memories.put(passed, fsrs.next(memory, elapsedDays, passed));
        }
        int hard = interval(memories.get(Rating.HARD).stability(), elapsedDays, fuzzFactor);
        int good = interval(memories.get(Rating.GOOD).stability(), elapsedDays, fuzzFactor);
        hard = Math.min(hard, good);
        good = Math.max(good, hard + 1);
        int easy = Math.max(interval(memories.get(Rating.EASY).stability(), elapsedDays, fuzzFactor), good + 1);
        int days = switch (rating) {
            case HARD -> hard;
            case GOOD -> good;
            case EASY -> easy;
            case AGAIN -> throw new IllegalArgumentException("again is a lapse, not a recall");
        };
        return graded(State.REVIEW, 0, memories.get(rating), now.plus(Duration.ofDays(days)), now, days, current,
                current.lapses());
    }

    /** The state an item in {@code state} is in while it waits for a step. */
    private static State inSteps(State state) {
        return switch (state) {
            case NEW, LEARNING -> State.LEARNING;
            case REVIEW, RELEARNING -> State.RELEARNING;
        };
    }

    private int interval(double stability, int elapsedDays, double fuzzFactor) {
        int days = fsrs.interval(stability, settings.maximumIntervalDays());
        return settings.fuzz() ? Fuzz.apply(days, elapsedDays, settings.maximumIntervalDays(), fuzzFactor) : days;
    }

    private static ItemState graded(State state, int step, Memory memory, Instant due, Instant now, int scheduledDays,
            ItemState before, int lapses) {
        return new ItemState(state, step, memory.stability(), memory.difficulty(), due, now, scheduledDays,
                before.reps() + 1, lapses);
    }

    /** Whole UTC calendar dates between the last review and {@code now}; 0 for an item never reviewed. */
    private static int elapsedDays(ItemState current, Instant now) {
        if (current.state() == State.NEW || current.lastReview() == null) {
            return 0;
        }
        long days = ChronoUnit.DAYS.between(utcDate(current.lastReview()), utcDate(now));
        if (days < 0) {
            throw new IllegalArgumentException("a review at " + now + " comes before the last one, "
                    + current.lastReview());
        }
        return (int) days;
    }

    private static LocalDate utcDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
