package dev.groundwork.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.mirror.MirrorFetching;
import dev.groundwork.ingest.mirror.MirrorServer;
import dev.groundwork.ingest.store.IngestionQueries;
import dev.groundwork.ingest.store.IngestionStatus;
import dev.groundwork.ingest.store.ResourceStatus;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * All five seed roadmaps (plus raft.github.io, the mirror's extra page with the fourth PDF) ingested against the
 * offline mirror, twice. Embeddings come from the deterministic hashing model: this test is about fetching,
 * extraction, chunking and storage, not about the model.
 */
@SpringBootTest(classes = SeedIngestionIT.App.class)
class SeedIngestionIT extends MirrorFetching {

    static final List<String> SEEDS = List.of("000_72930f71c79b6e62.txt", "001_1a123edda492b329.txt",
            "002_b3a40b5122b0f3e3.txt", "003_0efd650f91282031.txt", "004_f81cf6d221e2f740.txt");

    @EnableAutoConfiguration
    @ComponentScan({"dev.groundwork.ingest.store", "dev.groundwork.ingest.pipeline"})
    @Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class})
    static class App {
    }

    @Autowired
    RoadmapImporter importer;
    @Autowired
    IngestRun run;
    @Autowired
    IngestionQueries queries;
    @Autowired
    JdbcClient jdbc;

    @Test
    void ingestsEverySeedAgainstTheMirrorAndASecondRunIsANoOp() throws IOException {
        List<String> roadmaps = new ArrayList<>();
        for (String seed : SEEDS) {
            roadmaps.add(importer.importDocument(seed(seed), seed).roadmap().id());
        }
        roadmaps.add(importer.importDocument("""
                # Consensus extras
                ## Week 1: Raft
                - Leader election
                - [Raft site](https://raft.github.io/)
                """.getBytes(StandardCharsets.UTF_8), "extra.md").roadmap().id());

        int firstEmbedded = 0;
        for (String id : roadmaps) {
            RunReport report = run.run(id, IngestListener.NONE);
            assertThat(report.status().finished()).isTrue();
            firstEmbedded += report.embedded();
        }
        Map<String, ResourceStatus> byUrl = resources(roadmaps);

        // every mirrored content URL the seeds link is fetched; the 404/403 ones fail with their status
        assertThat(byUrl.get("https://prometheus.io/docs/").state()).isEqualTo("fetched");
        assertThat(byUrl.get("https://dataintensive.net/").reason()).isEqualTo("HTTP 404");
        assertThat(byUrl.get("https://sre.google/books/").reason()).isEqualTo("HTTP 403");
        // the two YouTube links are videos: not fetched, never requested
        assertThat(byUrl.values()).filteredOn(r -> "not_fetched".equals(r.state())).extracting(ResourceStatus::url)
                .containsExactlyInAnyOrder("https://www.youtube.com/playlist?list=PLSE8ODhjZXjYDBpQnSymaectKjxCy6BYq",
                        "https://www.youtube.com/c/ByteByteGo")
                .allSatisfy(url -> assertThat(MirrorServer.shared().requestCount(url)).as(url).isZero());
        // a resource two roadmaps share is fetched by the first and found unchanged by the second
        assertThat(byUrl.values()).filteredOn(r -> r.url() != null)
                .allSatisfy(r -> assertThat(r.state()).as(r.url()).isIn("fetched", "not_modified", "failed", "not_fetched"));
        assertThat(byUrl.values()).filteredOn(r -> r.state().equals("fetched") || r.state().equals("not_modified"))
                .allSatisfy(r -> assertThat(r.chunks()).as(r.url()).isPositive());
        List<String> failed = byUrl.values().stream().filter(r -> "failed".equals(r.state()))
                .map(r -> r.url() + " " + r.reason()).sorted().toList();
        assertThat(failed).allSatisfy(f -> assertThat(f).matches(".* HTTP 40[34]"));
        assertThat(failed).hasSize(11);

        // docs roots crawled to their mirrored subpages
        assertThat(byUrl.get("https://prometheus.io/docs/").documents()).isGreaterThan(10);
        assertThat(byUrl.get("https://kubernetes.io/docs/home/").documents()).isGreaterThan(5);
        // the four PDFs extracted with page numbers
        assertThat(jdbc.sql("""
                SELECT count(DISTINCT content_hash) FROM document WHERE media_type = 'application/pdf' AND page_count > 0
                """).query(Integer.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM chunks WHERE metadata ->> 'page' IS NOT NULL").query(Integer.class).single())
                .isPositive();
        // the Kafka documentation page yields its documentation text
        assertThat(jdbc.sql("""
                SELECT coalesce(sum(d.chunk_count), 0) FROM document d WHERE d.url = 'https://kafka.apache.org/documentation/'
                   OR d.final_url = 'https://kafka.apache.org/documentation/'
                """).query(Integer.class).single()).isGreaterThan(100);
        // topics have their own chunks
        assertThat(jdbc.sql("SELECT count(*) FROM chunks WHERE topic_id IS NOT NULL").query(Integer.class).single())
                .isPositive();
        assertThat(firstEmbedded).isPositive();

        int chunksBefore = jdbc.sql("SELECT count(*) FROM chunks").query(Integer.class).single();
        int secondEmbedded = 0;
        for (String id : roadmaps) {
            RunReport report = run.run(id, IngestListener.NONE);
            secondEmbedded += report.embedded();
        }
        assertThat(secondEmbedded).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM chunks").query(Integer.class).single()).isEqualTo(chunksBefore);
        assertThat(resources(roadmaps).values()).filteredOn(r -> r.url() != null)
                .allSatisfy(r -> assertThat(r.state()).as(r.url()).isIn("not_modified", "failed", "not_fetched"));
    }

    private Map<String, ResourceStatus> resources(List<String> roadmaps) {
        return roadmaps.stream().map(id -> queries.status(id).orElseThrow()).map(IngestionStatus::items)
                .flatMap(List::stream).filter(r -> r.url() != null)
                .collect(Collectors.toMap(ResourceStatus::url, r -> r, (a, b) -> a));
    }

    static byte[] seed(String name) throws IOException {
        try (InputStream in = SeedIngestionIT.class.getResourceAsStream("/roadmap/" + name)) {
            return in.readAllBytes();
        }
    }
}
