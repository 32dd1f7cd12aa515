package dev.groundwork.api.review.fsrs;

import java.util.List;

/**
 * The FSRS-6 formulas, written to give the same numbers as ts-fsrs 5.x: each intermediate that ts-fsrs rounds to 8
 * decimals is rounded here too, in the same order of operations, and {@link StrictMath} keeps the last bits the same
 * on every JVM.
 *
 * <p>Times are in days; stability is in days; difficulty is 1 … 10. Immutable and thread-safe.
 */
final class Fsrs {

    static final double MIN_STABILITY = 0.001;
    static final double MAX_STABILITY = 36500;

    private final double[] w;
    private final double decay;
    private final double factor;
    private final double intervalModifier;

    Fsrs(List<Double> weights, double desiredRetention) {
        w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        decay = -w[20];
        factor = round8(StrictMath.exp(StrictMath.pow(decay, -1) * StrictMath.log(0.9)) - 1);
        intervalModifier = round8((StrictMath.pow(desiredRetention, 1 / decay) - 1) / factor);
    }

    /** The memory after grading {@code rating}, {@code elapsedDays} calendar days after the previous grade. */
    Memory next(Memory memory, int elapsedDays, Rating rating) {
        if (memory.isNone()) {
            return new Memory(initialStability(rating), clamp(initialDifficulty(rating), 1, 10));
        }
        double s = memory.stability();
        double d = memory.difficulty();
        double stability;
        if (elapsedDays == 0) {
            stability = shortTermStability(s, rating);
        } else if (rating == Rating.AGAIN) {
            double floor = round8(s / StrictMath.exp(w[17] * w[18]));
            stability = clamp(floor, MIN_STABILITY, forgetStability(d, s, retrievability(elapsedDays, s)));
        } else {
            stability = recallStability(d, s, retrievability(elapsedDays, s), rating);
        }
        return new Memory(stability, nextDifficulty(d, rating));
    }

    /** The forgetting curve: the probability of recall {@code elapsedDays} after a grade that left {@code stability}. */
    double retrievability(double elapsedDays, double stability) {
        return round8(StrictMath.pow(1 + factor * elapsedDays / stability, decay));
    }

    /** Whole days until retrievability falls to the desired retention, 1 … {@code maximumDays}. */
    int interval(double stability, int maximumDays) {
        return (int) Math.min(Math.max(1, Math.round(stability * intervalModifier)), maximumDays);
    }

    private double initialStability(Rating rating) {
        return Math.max(w[rating.grade() - 1], 0.1);
    }

    private double initialDifficulty(Rating rating) {
        return round8(w[4] - StrictMath.exp((rating.grade() - 1) * w[5]) + 1);
    }

    /** Linear damping towards 10, then mean reversion towards the initial difficulty of an easy item. */
    private double nextDifficulty(double d, Rating rating) {
        double delta = -w[6] * (rating.grade() - 3);
        double damped = d + round8(delta * (10 - d) / 9);
        return clamp(round8(w[7] * initialDifficulty(Rating.EASY) + (1 - w[7]) * damped), 1, 10);
    }

    private double recallStability(double d, double s, double r, Rating rating) {
        double hardPenalty = rating == Rating.HARD ? w[15] : 1;
        double easyBonus = rating == Rating.EASY ? w[16] : 1;
        double growth = StrictMath.exp(w[8]) * (11 - d) * StrictMath.pow(s, -w[9])
                * (StrictMath.exp((1 - r) * w[10]) - 1) * hardPenalty * easyBonus;
        return round8(clamp(s * (1 + growth), MIN_STABILITY, MAX_STABILITY));
    }

    private double forgetStability(double d, double s, double r) {
        double forgotten = w[11] * StrictMath.pow(d, -w[12]) * (StrictMath.pow(s + 1, w[13]) - 1)
                * StrictMath.exp((1 - r) * w[14]);
        return round8(clamp(forgotten, MIN_STABILITY, MAX_STABILITY));
    }

    /** A grade on the same calendar day as the previous one (w17 … w19); only "again" can lower stability. */
    private double shortTermStability(double s, Rating rating) {
        double increase = StrictMath.pow(s, -w[19]) * StrictMath.exp(w[17] * (rating.grade() - 3 + w[18]));
        double masked = rating == Rating.AGAIN ? increase : Math.max(increase, 1);
        return round8(clamp(s * masked, MIN_STABILITY, MAX_STABILITY));
    }

    private static double clamp(double value, double min, double max) {
        return Math.min(Math.max(value, min), max);
    }

    /** Rounds half up to 8 decimals, as JavaScript's {@code Math.round(x * 1e8) / 1e8}. */
    static double round8(double value) {
        return Math.round(value * 1e8) / 1e8;
    }
}
