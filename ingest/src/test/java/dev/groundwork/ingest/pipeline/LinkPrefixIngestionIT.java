package dev.groundwork.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.groundwork.ingest.mirror.MirrorFetching;
import dev.groundwork.ingest.mirror.MirrorServer;
import dev.groundwork.ingest.store.IngestionQueries;
import dev.groundwork.ingest.store.IngestionStatus;
import dev.groundwork.ingest.store.ResourceStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A roadmap in the link-prefix style imported and ingested against the offline mirror: resources keep their kinds,
 * videos are recorded as not fetched and never requested, and the run finishes with every job done.
 */
@SpringBootTest(classes = SeedIngestionIT.App.class)   // the same context: cached, shared
class LinkPrefixIngestionIT extends MirrorFetching {

    static final List<String> VIDEOS = List.of("https://www.youtube.com/watch?v=h4Sl21AKiDg",
            "https://vimeo.com/76979871", "https://youtu.be/abc123XYZ_0");

    @Autowired
    RoadmapImporter importer;
    @Autowired
    IngestRun run;
    @Autowired
    IngestionQueries queries;
    @Autowired
    JdbcClient jdbc;

    @Test
    void storesKindsFetchesTheArticlesAndNeverRequestsAVideo() throws IOException {
        ImportedRoadmap imported = importer.importDocument(fixture(), "observability-link-prefix.md");
        String id = imported.roadmap().id();
        assertThat(ImportReport.skippedLinks(imported)).containsExactly(
                "  skipped link /guides/dashboards (\"Our guide to dashboards\" in Metrics): relative link: no site to "
                        + "resolve it against",
                "  skipped link /books/observability-engineering (\"Observability Engineering, the book\" in Logs): "
                        + "relative link: no site to resolve it against");

        RunReport report = run.run(id, IngestListener.NONE);

        IngestionStatus status = report.status();
        assertThat(status.finished()).isTrue();
        assertThat(status.jobs()).containsEntry("queued", 0).containsEntry("running", 0).containsEntry("failed", 0);
        Map<String, ResourceStatus> byUrl = status.items().stream()
                .collect(Collectors.toMap(ResourceStatus::url, r -> r));
        assertThat(byUrl).hasSize(14);
        assertThat(VIDEOS).allSatisfy(url -> {
            assertThat(byUrl.get(url)).extracting(ResourceStatus::type, ResourceStatus::state, ResourceStatus::reason,
                    ResourceStatus::chunks).containsExactly("video", "not_fetched", "video: not fetched", 0);
            assertThat(MirrorServer.shared().requestCount(url)).as(url).isZero();
        });
        assertThat(MirrorServer.shared().requestCount("https://www.youtube.com/robots.txt")).isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM ingest_job j JOIN resource r ON r.id = j.resource_id WHERE r.type = 'video'
                """).query(Integer.class).single()).isZero();
        // the pages: fetched, or found unchanged when another test's roadmap fetched them first (one database a JVM)
        assertThat(status.resources()).containsEntry("not_fetched", 3).doesNotContainKeys("failed", "pending");
        assertThat(byUrl.values()).filteredOn(r -> !r.type().equals("video")).hasSize(11).allSatisfy(r -> {
            assertThat(r.state()).as(r.url()).isIn("fetched", "not_modified");
            assertThat(r.chunks()).as(r.url()).isPositive();
        });
        assertThat(byUrl.values()).extracting(ResourceStatus::url, ResourceStatus::type).contains(
                tuple("https://prometheus.io/docs/concepts/data_model/", "official"),
                tuple("https://github.com/donnemartin/system-design-primer", "opensource"),
                tuple("https://opentelemetry.io/docs/concepts/observability-primer/", "podcast"),
                tuple("https://opentelemetry.io/docs/getting-started/", "course"),
                tuple("https://opentelemetry.io/docs/concepts/context-propagation/", "feed"),
                tuple("https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html", "article"));
        assertThat(jdbc.sql("SELECT count(*) FROM topic WHERE roadmap_id = ? AND concepts <> '[]'::jsonb")
                .param(id).query(Integer.class).single()).isZero();

        // a second run queues nothing for the videos either and leaves them as they are
        RunReport again = run.run(id, IngestListener.NONE);
        assertThat(again.status().resources()).containsEntry("not_fetched", 3);
        assertThat(VIDEOS).allSatisfy(url -> assertThat(MirrorServer.shared().requestCount(url)).as(url).isZero());
    }

    private static byte[] fixture() throws IOException {
        try (InputStream in = LinkPrefixIngestionIT.class.getResourceAsStream(
                "/roadmap-format/observability-link-prefix.md")) {
            return in.readAllBytes();
        }
    }
}
