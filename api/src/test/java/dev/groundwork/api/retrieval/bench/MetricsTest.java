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
}
