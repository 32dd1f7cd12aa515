package dev.groundwork.api.retrieval.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The rows of a synthetic set: row {@code r} is copy {@code r / bases} of base vector {@code r % bases}, that vector
 * plus Gaussian noise of standard deviation {@code sigma} in every component, re-normalised to unit length. Each row
 * draws from its own generator seeded by {@code (seed, r)}, so a row is the same whichever rows are made before it.
 *
 * <p>For unit vectors in {@code d} dimensions the expected cosine of a copy to its base is about
 * {@code 1 / sqrt(1 + d sigma²)} and of two copies of one base about {@code 1 / (1 + d sigma²)}.
 *
 * @param bases the real vectors, unit length, all of one dimension
 * @param sigma noise per component
 * @param seed  the set's seed
 */
record NoisyCopies(List<float[]> bases, double sigma, long seed) {

    NoisyCopies {
        if (bases.isEmpty() || sigma < 0) {
            throw new IllegalArgumentException("need base vectors and a non-negative sigma");
        }
        bases = List.copyOf(bases);
    }

    int base(long row) {
        return (int) (row % bases.size());
    }

    long copy(long row) {
        return row / bases.size();
    }

    float[] vector(long row) {
        float[] base = bases.get(base(row));
        SplittableRandom random = random(row, 0);
        float[] vector = new float[base.length];
        double norm = 0;
        for (int i = 0; i < base.length; i++) {
            vector[i] = (float) (base[i] + sigma * random.nextGaussian());
            norm += (double) vector[i] * vector[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    /** A number in {@code [0, bound)} for the row, uniform and independent of its noise (e.g. the row's resource). */
    int pick(long row, int bound) {
        return random(row, 1).nextInt(bound);
    }

    /** The expected cosine of two copies of one base: {@code 1 / (1 + d sigma²)}. */
    double expectedCopyCosine() {
        return 1 / (1 + bases.get(0).length * sigma * sigma);
    }

    private SplittableRandom random(long row, int stream) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + row * 2 + stream);
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
