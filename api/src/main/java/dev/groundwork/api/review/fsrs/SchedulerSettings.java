package dev.groundwork.api.review.fsrs;

import java.time.Duration;
import java.util.List;

/**
 * How a learner's items are scheduled.
 *
 * @param weights             the 21 FSRS-6 parameters
 * @param desiredRetention    the probability of recall to schedule for, 0.7 … 0.99
 * @param learningSteps       steps a new item goes through before its first interval in days
 * @param relearningSteps     steps a forgotten item goes through before it returns to review
 * @param maximumIntervalDays the longest interval
 * @param fuzz                whether intervals of 3 days and more are spread a little (deterministically)
 */
public record SchedulerSettings(List<Double> weights, double desiredRetention, List<Duration> learningSteps,
        List<Duration> relearningSteps, int maximumIntervalDays, boolean fuzz) {

    /** FSRS-6's published default parameters. */
    public static final List<Double> DEFAULT_WEIGHTS = List.of(0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194,
            0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658,
            0.1542);

    /** Anki's defaults: retention 0.9, steps 1m 10m, relearning 10m, at most 100 years, fuzz on. */
    public static final SchedulerSettings DEFAULTS = new SchedulerSettings(DEFAULT_WEIGHTS, 0.9,
            List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)), List.of(Duration.ofMinutes(10)), 36500, true);

    public SchedulerSettings {
        weights = List.copyOf(weights);
        learningSteps = List.copyOf(learningSteps);
        relearningSteps = List.copyOf(relearningSteps);
        if (weights.size() != 21) {
            throw new IllegalArgumentException("FSRS-6 takes 21 parameters, not " + weights.size());
        }
        if (desiredRetention < 0.7 || desiredRetention > 0.99) {
            throw new IllegalArgumentException("desired retention is 0.7 to 0.99, not " + desiredRetention);
        }
        if (maximumIntervalDays < 1) {
            throw new IllegalArgumentException("the maximum interval is at least a day");
        }
    }

    public SchedulerSettings withRetention(double retention) {
        return new SchedulerSettings(weights, retention, learningSteps, relearningSteps, maximumIntervalDays, fuzz);
    }

    public SchedulerSettings withMaximumInterval(int days) {
        return new SchedulerSettings(weights, desiredRetention, learningSteps, relearningSteps, days, fuzz);
    }

    public SchedulerSettings withFuzz(boolean on) {
        return new SchedulerSettings(weights, desiredRetention, learningSteps, relearningSteps, maximumIntervalDays, on);
    }
}
