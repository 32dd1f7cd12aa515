package dev.groundwork.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.mirror.MirrorFetching;
import dev.groundwork.ingest.store.IngestionQueries;
import dev.groundwork.ingest.store.ResourceStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The system-design-primer, a guide whose solutions live in {@code solutions/…/README.md}, ingested through the real
 * pipeline from the offline mirror: the solution pages its README links become documents of the resource, each with
 * its own github.com URL and chunks; the relative redirects the mirror answers resolve (RabbitMQ, OWASP PDFs).
 */
@SpringBootTest(classes = SeedIngestionIT.App.class)
class GitHubGuideIngestionIT extends MirrorFetching {

    static final String PRIMER = "https://github.com/donnemartin/system-design-primer";
    static final String ROADMAP = """
            # Guides behind redirects
            ## Week 1: System design
            - [System Design Primer](https://github.com/donnemartin/system-design-primer)
            - [RabbitMQ tutorial](https://www.rabbitmq.com/tutorials/tutorial-one-python.html)
            - [API Security Top 10](https://github.com/OWASP/www-project-api-security/raw/master/assets/presentations/api-security-top10.pdf)
            """;

    @Autowired
    RoadmapImporter importer;
    @Autowired
    IngestRun run;
    @Autowired
    IngestionQueries queries;
    @Autowired
    JdbcClient jdbc;

    @Test
    void ingestsTheSolutionPagesTheReadmeLinksUnderTheirOwnUrlsAndASecondRunIsANoOp() {
        String roadmapId = importer.importDocument(ROADMAP.getBytes(StandardCharsets.UTF_8), "guides.md").roadmap().id();

        RunReport report = run.run(roadmapId, IngestListener.NONE);

        assertThat(report.status().finished()).isTrue();
        List<ResourceStatus> resources = queries.status(roadmapId).orElseThrow().items();
        assertThat(resources).filteredOn(r -> r.url() != null)
                // not_modified when a seed roadmap of the same JVM's database ingested it already (SeedIngestionIT)
                .allSatisfy(r -> assertThat(r.state()).as(r.url()).isIn("fetched", "not_modified"));
        ResourceStatus primer = resources.stream().filter(r -> PRIMER.equals(r.url())).findFirst().orElseThrow();
        System.out.printf("system-design-primer: %d documents (%d failed), %d chunks%n", primer.documents(),
                primer.failedDocuments(), primer.chunks());
        List<String> solutions = List.of("pastebin", "twitter", "web_crawler", "mint", "social_graph", "query_cache",
                "sales_rank", "scaling_aws");
        for (String solution : solutions) {
            String url = PRIMER + "/blob/HEAD/solutions/system_design/" + solution + "/README.md";
            assertThat(jdbc.sql("SELECT count(*) FROM chunks c JOIN document d ON d.id = c.document_id WHERE d.url = ?")
                    .param(url).query(Integer.class).single()).as(url).isPositive();
        }
        assertThat(jdbc.sql("""
                SELECT count(*) FROM chunks c JOIN document d ON d.id = c.document_id
                 WHERE d.url LIKE ? AND c.content ILIKE '%paste%'
                """).param(PRIMER + "/blob/HEAD/solutions/system_design/pastebin/%").query(Integer.class).single())
                .isPositive();
        assertThat(primer.documents()).isGreaterThanOrEqualTo(1 + solutions.size()).isLessThanOrEqualTo(31);
        // the README's link to TRANSLATIONS.md is not mirrored (404); nothing else it follows fails
        assertThat(primer.failedDocuments()).isLessThanOrEqualTo(1);

        RunReport again = run.run(roadmapId, IngestListener.NONE);

        assertThat(again.embedded()).isZero();
        assertThat(queries.status(roadmapId).orElseThrow().items()).filteredOn(r -> r.url() != null)
                .allSatisfy(r -> assertThat(r.state()).as(r.url()).isEqualTo("not_modified"))
                .filteredOn(r -> PRIMER.equals(r.url())).singleElement()
                .satisfies(r -> assertThat(r.documents()).isEqualTo(primer.documents()));
    }
}
