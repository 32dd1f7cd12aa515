package dev.groundwork.api.retrieval.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoisyCopiesTest {

    private static final int DIMS = 384;

    @Test
    void aRowIsTheSameWhateverWasMadeBeforeIt() {
        NoisyCopies first = new NoisyCopies(bases(3), 0.02, 7);
        NoisyCopies second = new NoisyCopies(bases(3), 0.02, 7);
        float[] direct = second.vector(1234);
        for (long row = 0; row < 10; row++) {
            first.vector(row);
        }
        assertThat(first.vector(1234)).containsExactly(direct);
        assertThat(first.pick(1234, 5000)).isEqualTo(second.pick(1234, 5000));
    }

    @Test
    void anotherSeedMakesOtherNoise() {
        assertThat(new NoisyCopies(bases(3), 0.02, 7).vector(5))
                .isNotEqualTo(new NoisyCopies(bases(3), 0.02, 8).vector(5));
    }

    @Test
    void rowsCycleThroughTheBases() {
        NoisyCopies copies = new NoisyCopies(bases(3), 0.02, 7);
        assertThat(List.of(copies.base(0), copies.base(2), copies.base(3), copies.base(7))).containsExactly(0, 2, 0, 1);
        assertThat(copies.copy(7)).isEqualTo(2);
    }

    @Test
    void copiesAreUnitVectorsNearTheirBaseButNotDuplicates() {
        NoisyCopies copies = new NoisyCopies(bases(3), 0.02, 7);
        float[] a = copies.vector(1);
        float[] b = copies.vector(4);
        assertThat(norm(a)).isCloseTo(1.0, within(1e-5));
        double expected = copies.expectedCopyCosine();
        assertThat(NoisyCopies.cosine(a, b)).isCloseTo(expected, within(0.03)).isLessThan(0.99);
        assertThat(NoisyCopies.cosine(a, copies.bases().get(1))).isGreaterThan(NoisyCopies.cosine(a,
                copies.bases().get(0)));
    }

    @Test
    void noNoiseReproducesTheBase() {
        List<float[]> bases = bases(2);
        assertThat(NoisyCopies.cosine(new NoisyCopies(bases, 0, 7).vector(3), bases.get(1)))
                .isCloseTo(1.0, within(1e-6));
    }

    @Test
    void picksSpreadOverTheRange() {
        NoisyCopies copies = new NoisyCopies(bases(1), 0.02, 7);
        int[] counts = new int[4];
        for (long row = 0; row < 4000; row++) {
            counts[copies.pick(row, 4)]++;
        }
        for (int count : counts) {
            assertThat(count).isBetween(850, 1150);
        }
    }

    private static List<float[]> bases(int count) {
        SplittableRandom random = new SplittableRandom(1);
        List<float[]> bases = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            float[] vector = new float[DIMS];
            for (int i = 0; i < DIMS; i++) {
                vector[i] = (float) random.nextGaussian();
            }
            double n = norm(vector);
            for (int i = 0; i < DIMS; i++) {
                vector[i] /= (float) n;
            }
            bases.add(vector);
        }
        return bases;
    }

    private static double norm(float[] vector) {
        double sum = 0;
        for (float x : vector) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }
}
