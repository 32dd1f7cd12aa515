package dev.groundwork.api.retrieval.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void ndcgIsOneWhenTheRelevantAbstractsLead() {
        assertThat(Metrics.ndcg(List.of("a", "b", "x"), Map.of("a", 1, "b", 1), 10)).isEqualTo(1.0);
    }

    @Test
    void ndcgDiscountsARelevantAbstractByLog2OfItsRank() {
        // one relevant at rank 3: (1 / log2 4) / (1 / log2 2) = 0.5
        assertThat(Metrics.ndcg(List.of("x", "y", "a"), Map.of("a", 1), 10)).isCloseTo(0.5, within(1e-12));
        assertThat(Metrics.ndcg(List.of("x", "y", "a"), Map.of("a", 1), 2)).isZero();
    }

    @Test
    void ndcgUsesTheGradeAsGain() {
        // grades 2 and 1 found in the wrong order: (1 + 2 / log2 3) / (2 + 1 / log2 3)
        double expected = (1 + 2 / (Math.log(3) / Math.log(2))) / (2 + 1 / (Math.log(3) / Math.log(2)));
        assertThat(Metrics.ndcg(List.of("b", "a"), Map.of("a", 2, "b", 1), 10)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void recallCountsRelevantAbstractsFoundWithinK() {
        assertThat(Metrics.recall(List.of("a", "x", "b"), Map.of("a", 1, "b", 1, "c", 1, "z", 0), 100))
                .isCloseTo(2.0 / 3, within(1e-12));
        assertThat(Metrics.recall(List.of("x", "a"), Map.of("a", 1), 1)).isZero();
    }

    @Test
    void randomizationFindsAConsistentDifferenceSignificant() {
        double[] better = new double[50];
        double[] worse = new double[50];
        for (int i = 0; i < 50; i++) {
            better[i] = 0.5 + (i % 5) * 0.01;
            worse[i] = better[i] - 0.1;
        }
        assertThat(Metrics.pairedRandomization(better, worse, 10_000, 1)).isLessThan(0.001);
    }

    @Test
    void randomizationFindsNoDifferenceInIdenticalOrSymmetricRuns() {
        double[] a = {0.1, 0.9, 0.5, 0.3};
        assertThat(Metrics.pairedRandomization(a, a, 1000, 1)).isEqualTo(1.0);
        // differences +0.2 and -0.2 cancel: every flip is as extreme as the observed mean of 0
        assertThat(Metrics.pairedRandomization(new double[] {0.6, 0.4}, new double[] {0.4, 0.6}, 1000, 1))
                .isEqualTo(1.0);
    }

    @Test
    void percentileIsTheNearestRank() {
        double[] values = {5, 1, 4, 2, 3, 6, 7, 8, 9, 10};
        assertThat(Metrics.percentile(values, 50)).isEqualTo(5);
        assertThat(Metrics.percentile(values, 95)).isEqualTo(10);
        assertThat(Metrics.percentile(values, 10)).isEqualTo(1);
    }
}
