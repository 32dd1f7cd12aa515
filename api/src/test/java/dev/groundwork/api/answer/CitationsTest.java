package dev.groundwork.api.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationsTest {

    @Test
    void resolvesAMarkerSplitAcrossTokensOnceWhenItCompletes() {
        Citations citations = new Citations(3);

        assertThat(citations.append("Redis keeps data in memory [")).isEmpty();
        assertThat(citations.append("1")).isEmpty();
        assertThat(citations.append("][3].")).containsExactly(1, 3);
        assertThat(citations.append(" More")).isEmpty();
    }

    @Test
    void dropsMarkersOfSourcesThatWereNotRetrieved() {
        Citations citations = new Citations(2);

        List<Integer> valid = new ArrayList<>(citations.append("A claim [2]. A made-up one [7]. Zero [0]."));

        assertThat(valid).containsExactly(2);
        assertThat(citations.dropped()).containsExactly(7, 0);
    }

    @Test
    void reportsSentencesWithoutAValidCitation() {
        Citations citations = new Citations(2);
        citations.append("""
                _Offline mode: these sentences are quoted from your sources, not generated._

                Prometheus scrapes targets over HTTP [1]. It stores samples in a local database.
                - Alerting rules are evaluated regularly. [2]
                - Grafana was invented on the moon [5].

                ```
                curl localhost:9090/metrics
                ```
                """);

        assertThat(citations.unsupported()).containsExactly("It stores samples in a local database.",
                "Grafana was invented on the moon [5].");
    }
}
