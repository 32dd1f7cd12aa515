package dev.groundwork.api.review.fsrs;

/**
 * Spreads intervals of 3 days and more a little, so items learned together do not stay due together. The ranges are
 * ts-fsrs's ({@code get_fuzz_range}): ±15% of the part of the interval between 2.5 and 7 days, ±10% between 7 and 20,
 * ±5% beyond, plus a day. Where in the range an interval lands is a factor in [0, 1) that the caller draws.
 */
final class Fuzz {

    /** The inclusive range of whole days a fuzzed interval is drawn from. */
    record Range(int min, int max) {
    }

    private static final double[][] BANDS = { { 2.5, 7, 0.15 }, { 7, 20, 0.10 }, { 20, Double.POSITIVE_INFINITY, 0.05 } };

    private Fuzz() {
    }

    /** The days {@code interval} may become, given the days since the previous grade and the maximum interval. */
    static Range range(int interval, int elapsedDays, int maximumDays) {
        double delta = 1;
        for (double[] band : BANDS) {
            delta += band[2] * Math.max(Math.min(interval, band[1]) - band[0], 0);
        }
        int capped = Math.min(interval, maximumDays);
        int min = (int) Math.max(2, Math.round(capped - delta));
        int max = (int) Math.min(Math.round(capped + delta), maximumDays);
        if (capped > elapsedDays) {
            min = Math.max(min, elapsedDays + 1);
        }
        return new Range(Math.min(min, max), max);
    }

    /** {@code interval} moved to the point {@code factor} (0 … 1) of its range; under 3 days it stays as it is. */
    static int apply(int interval, int elapsedDays, int maximumDays, double factor) {
        if (interval < 2.5) {
            return interval;
        }
        Range range = range(interval, elapsedDays, maximumDays);
        return (int) Math.floor(factor * (range.max() - range.min() + 1) + range.min());
    }
}
