package dev.groundwork.api.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.retrieval.RetrievedChunk;
import dev.groundwork.ingest.embed.HashingEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceVectorsTest {

    static final RetrievedChunk SCRAPING = chunk("c1", "hash-1", """
            Prometheus collects metrics by scraping HTTP endpoints on its targets.
            The scrape interval is configured per job in the configuration file.
            """);
    static final RetrievedChunk GRAFANA = chunk("c2", "hash-2", """
            Grafana dashboards can query Prometheus with PromQL expressions.
            """);
    static final RetrievedChunk KAFKA = chunk("c3", "hash-3", """
            The Kafka broker stores partitions as append-only logs on disk.
            Consumers track their position in each partition with an offset.
            Producers choose the partition of a record from its key.
            """);

    final CountingEmbeddingModel model = new CountingEmbeddingModel();

    @Test
    void aMissReadsAndEmbedsEveryStatementOfTheChunksInOneCall() {
        SentenceVectors cache = new SentenceVectors(model, 100);

        List<List<Candidate>> candidates = cache.candidates(List.of(SCRAPING, GRAFANA));

        assertThat(model.calls()).isEqualTo(1);
        assertThat(model.texts()).hasSize(3);
        assertThat(candidates.get(0)).extracting(c -> c.statement().text()).containsExactly(
                "Prometheus collects metrics by scraping HTTP endpoints on its targets.",
                "The scrape interval is configured per job in the configuration file.");
        assertThat(candidates).allSatisfy(chunk -> assertThat(chunk).allSatisfy(c ->
                assertThat(c.vector()).isEqualTo(new HashingEmbeddingModel().embed(c.embedded()))));
        assertThat(cache.chunks()).isEqualTo(2);
        assertThat(cache.vectors()).isEqualTo(3);
    }

    @Test
    void aHitEmbedsNothing() {
        SentenceVectors cache = new SentenceVectors(model, 100);
        List<List<Candidate>> first = cache.candidates(List.of(SCRAPING, GRAFANA));

        List<List<Candidate>> again = cache.candidates(List.of(GRAFANA, SCRAPING));

        assertThat(model.texts()).hasSize(3);
        assertThat(again.get(0)).isSameAs(first.get(1));
        assertThat(again.get(1)).isSameAs(first.get(0));
    }

    @Test
    void onlyTheChunksNotHeldAreEmbedded() {
        SentenceVectors cache = new SentenceVectors(model, 100);
        cache.candidates(List.of(SCRAPING));

        cache.candidates(List.of(SCRAPING, KAFKA, KAFKA));

        assertThat(model.calls()).isEqualTo(2);
        assertThat(model.texts()).hasSize(2 + 3);
    }

    @Test
    void aChangedContentHashIsAMiss() {
        SentenceVectors cache = new SentenceVectors(model, 100);
        cache.candidates(List.of(SCRAPING));
        RetrievedChunk edited = chunk("c1", "hash-1b", """
                Prometheus pulls metrics by scraping HTTP endpoints on its targets.
                The scrape interval is configured per job in the configuration file.
                """);

        List<List<Candidate>> candidates = cache.candidates(List.of(edited));

        assertThat(model.texts()).hasSize(4);
        assertThat(candidates.get(0).get(0).statement().text()).startsWith("Prometheus pulls metrics");
    }

    @Test
    void evictsTheLeastRecentlyUsedChunksBeyondTheBound() {
        SentenceVectors cache = new SentenceVectors(model, 5);
        cache.candidates(List.of(SCRAPING));   // 2 vectors
        cache.candidates(List.of(GRAFANA));    // 1
        cache.candidates(List.of(SCRAPING));   // used again: GRAFANA is now the eldest

        cache.candidates(List.of(KAFKA));      // 3 more: 6 > 5, GRAFANA goes

        assertThat(cache.vectors()).isEqualTo(5);
        assertThat(cache.chunks()).isEqualTo(2);
        int embedded = model.texts().size();
        cache.candidates(List.of(SCRAPING, KAFKA));
        assertThat(model.texts()).as("still held").hasSize(embedded);
        cache.candidates(List.of(GRAFANA));
        assertThat(model.texts()).as("evicted, embedded again").hasSize(embedded + 1);
    }

    @Test
    void aChunkLargerThanTheBoundIsEmbeddedButNotKept() {
        SentenceVectors cache = new SentenceVectors(model, 2);

        List<List<Candidate>> candidates = cache.candidates(List.of(KAFKA));

        assertThat(candidates.get(0)).hasSize(3).allSatisfy(c -> assertThat(c.vector()).isNotNull());
        assertThat(cache.chunks()).isZero();
        assertThat(cache.vectors()).isZero();
    }

    @Test
    void offKeepsNothingAndEmbedsNothing() {
        SentenceVectors cache = new SentenceVectors(model, 0);

        List<List<Candidate>> candidates = cache.candidates(List.of(SCRAPING, GRAFANA));
        cache.candidates(List.of(SCRAPING, GRAFANA));

        assertThat(cache.enabled()).isFalse();
        assertThat(model.calls()).isZero();
        assertThat(candidates.get(0)).hasSize(2).allSatisfy(c -> assertThat(c.vector()).isNull());
        assertThat(cache.chunks()).isZero();
    }

    private static RetrievedChunk chunk(String id, String hash, String text) {
        return new RetrievedChunk(id, text, "Docs", "https://example.org/" + id, List.of("Guide", "Basics"), null, 1,
                List.of(), "doc-" + id, null, 0, hash);
    }
}
