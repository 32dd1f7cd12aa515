package dev.groundwork.api.retrieval.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecallTest {

    @Test
    void countsTheExactTopKTheApproximateTopKHolds() {
        assertThat(Recall.at(List.of("a", "b", "c", "d"), List.of("b", "x", "a", "y"), 4)).isEqualTo(0.5);
    }

    @Test
    void ignoresOrderWithinTheTopK() {
        assertThat(Recall.at(List.of("a", "b", "c"), List.of("c", "a", "b"), 3)).isEqualTo(1.0);
    }

    @Test
    void aNeighbourFoundBelowRankKDoesNotCount() {
        assertThat(Recall.at(List.of("a", "b"), List.of("x", "a", "b"), 2)).isEqualTo(0.5);
    }

    @Test
    void aScopeWithFewerThanKChunksIsScoredOnThoseItHas() {
        assertThat(Recall.at(List.of("a", "b"), List.of("a", "b"), 10)).isEqualTo(1.0);
        assertThat(Recall.at(List.of(), List.of(), 10)).isEqualTo(1.0);
    }

    @Test
    void averagesOverQueries() {
        assertThat(Recall.mean(List.of(List.of("a"), List.of("b")), List.of(List.of("a"), List.of("x")), 1))
                .isEqualTo(0.5);
    }

    @Test
    void refusesRankingsOfDifferentQueryCounts() {
        assertThatThrownBy(() -> Recall.mean(List.of(List.of("a")), List.of(), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
