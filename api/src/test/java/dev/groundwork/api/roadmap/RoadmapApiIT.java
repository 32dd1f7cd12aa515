package dev.groundwork.api.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

// no background workers: the roadmaps posted here link the real internet, which tests never fetch
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingest.background=false")
@AutoConfigureWebTestClient
@Import(TestDatabaseConfiguration.class)
class RoadmapApiIT {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown");
    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    static final String PLAN = """
            # Caching Plan

            ## Week 1: Cache-aside

            - [Redis guide](https://example.test/redis)
            - Read-through and write-through
            """;

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyDatabase() {
        jdbc.sql("TRUNCATE roadmap, resource CASCADE").update();
    }

    @Test
    void aLinkPrefixRoadmapReportsItsSkippedLinksAndItsTopicsShowResourceKinds() throws IOException {
        byte[] document;
        try (InputStream in = RoadmapApiIT.class.getResourceAsStream("/roadmap-format/observability-link-prefix.md")) {
            document = in.readAllBytes();
        }
        Map<String, Object> created = post(document, MARKDOWN, HttpStatus.CREATED);

        assertThat(list(created, "skippedLinks")).extracting(link -> link.get("url"), link -> link.get("topic"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/guides/dashboards", "Metrics"),
                        org.assertj.core.groups.Tuple.tuple("/books/observability-engineering", "Logs"));
        String metrics = (String) list(created, "topics").get(0).get("id");
        Map<String, Object> topic = http.get().uri("/api/topics/{id}", metrics).exchange()
                .expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(list(topic, "resources")).containsExactly(
                Map.of("url", "https://prometheus.io/docs/concepts/data_model/", "title", "Prometheus data model",
                        "type", "official"),
                Map.of("url", "https://prometheus.io/docs/concepts/metric_types/", "title", "Metric types explained",
                        "type", "article"),
                Map.of("url", "https://www.youtube.com/watch?v=h4Sl21AKiDg", "title", "Prometheus in 100 seconds",
                        "type", "video"));
        assertThat(list(topic, "concepts")).isEmpty();
        assertThat(topic.get("description"))
                .isEqualTo("Metrics are numbers measured over time and aggregated, such as request rates and latencies.");
    }

    @Test
    void postingAMarkdownRoadmapCreatesItWithItsTopicTree() throws IOException {
        Map<String, Object> created = post(seed("000_72930f71c79b6e62.txt"), MARKDOWN, HttpStatus.CREATED);

        assertThat(created.get("title")).asString().startsWith("6-Month In-Depth Study Plan");
        List<Map<String, Object>> topics = list(created, "topics");
        assertThat(topics).isNotEmpty();
        Map<String, Object> month1 = topics.get(0);
        assertThat(month1.get("kind")).isEqualTo("month");
        assertThat(list(month1, "resources")).first()
                .isEqualTo(Map.of("url", "https://github.com/donnemartin/system-design-primer",
                        "title", "System Design Primer (GitHub)", "type", "link"));
        assertThat(map(created, "changes")).containsEntry("created", true);

        String id = (String) created.get("id");
        http.get().uri("/api/roadmaps/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.topics[0].id").isEqualTo(month1.get("id"));
        http.get().uri("/api/roadmaps").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].id").isEqualTo(id).jsonPath("$[0].topicCount").isEqualTo(created.get("topicCount"));
    }

    @Test
    void repostingTheSameRoadmapReturnsItUnchanged() throws IOException {
        Map<String, Object> first = post(seed("003_0efd650f91282031.txt"), MARKDOWN, HttpStatus.CREATED);
        String before = snapshot();

        Map<String, Object> second = post(seed("003_0efd650f91282031.txt"), MediaType.TEXT_PLAIN, HttpStatus.OK);

        assertThat(second.get("id")).isEqualTo(first.get("id"));
        assertThat(second.get("topics")).isEqualTo(first.get("topics"));
        assertThat(map(second, "changes")).containsEntry("unchanged", true).containsEntry("created", false);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void postingADifferentRoadmapWithATakenTitleIsAConflictNamingItAndChangesNothing() {
        post(bytes(PLAN), MARKDOWN, HttpStatus.CREATED);
        String before = snapshot();

        http.post().uri("/api/roadmaps").contentType(MARKDOWN).bodyValue(bytes(PLAN + "- Cache stampedes\n"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:groundwork:problem:roadmap-exists")
                .jsonPath("$.title").isEqualTo("Roadmap already exists")
                .jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.existingId").isEqualTo("caching-plan")
                .jsonPath("$.existingTitle").isEqualTo("Caching Plan")
                .jsonPath("$.detail").value(detail -> assertThat(detail).asString().contains("Caching Plan"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void puttingADocumentUpdatesThatRoadmapKeepsItsIdAndQueuesTheNewResource() {
        Map<String, Object> created = post(bytes(PLAN), MARKDOWN, HttpStatus.CREATED);
        String retitled = PLAN.replace("# Caching Plan", "# Caching in Depth")
                + "- [Eviction guide](https://example.test/eviction)\n";

        Map<String, Object> updated = http.put().uri("/api/roadmaps/caching-plan").contentType(MARKDOWN)
                .bodyValue(bytes(retitled)).exchange()
                .expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();

        assertThat(updated.get("id")).isEqualTo("caching-plan");
        assertThat(updated.get("title")).isEqualTo("Caching in Depth");
        assertThat(list(updated, "topics")).extracting(topic -> topic.get("id"))
                .containsExactlyElementsOf(list(created, "topics").stream().map(topic -> topic.get("id")).toList());
        assertThat(map(updated, "changes")).containsEntry("created", false).containsEntry("unchanged", false);
        assertThat(jdbc.sql("SELECT count(*) FROM roadmap").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM ingest_job j JOIN resource r ON r.id = j.resource_id
                WHERE j.roadmap_id = 'caching-plan' AND r.url = 'https://example.test/eviction' AND j.state = 'queued'
                """).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void puttingAnUploadedFileUpdatesThatRoadmap() {
        post(bytes(PLAN), MARKDOWN, HttpStatus.CREATED);

        http.put().uri("/api/roadmaps/caching-plan").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form(bytes(PLAN + "- Cache stampedes\n"), "caching-v2.md")))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo("caching-plan");
        assertThat(jdbc.sql("SELECT source_name FROM roadmap").query(String.class).single()).isEqualTo("caching-v2.md");
    }

    @Test
    void puttingToAnUnknownRoadmapIsA404AndStoresNothing() {
        expectProblem(http.put().uri("/api/roadmaps/no-such-plan").contentType(MARKDOWN).bodyValue(bytes(PLAN))
                .exchange(), 404, "not-found");
        assertThat(jdbc.sql("SELECT count(*) FROM roadmap").query(Integer.class).single()).isZero();
    }

    @Test
    void postingAsNewImportsASecondRoadmapUnderASuffixedId() {
        post(bytes(PLAN), MARKDOWN, HttpStatus.CREATED);

        Map<String, Object> second = http.post().uri("/api/roadmaps?as=new").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form(bytes(PLAN + "- Cache stampedes\n"), "other.md")))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/roadmaps/caching-plan-2")
                .expectBody(MAP).returnResult().getResponseBody();

        assertThat(second.get("id")).isEqualTo("caching-plan-2");
        assertThat(second.get("title")).isEqualTo("Caching Plan");
        http.get().uri("/api/roadmaps").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[*].id").value(ids -> assertThat(ids).asInstanceOf(InstanceOfAssertFactories.LIST)
                        .containsExactlyInAnyOrder("caching-plan", "caching-plan-2"));
    }

    @Test
    void anUnknownAsValueIsABadRequestAndStoresNothing() {
        expectProblem(http.post().uri("/api/roadmaps?as=copy").contentType(MARKDOWN).bodyValue(bytes(PLAN)).exchange(),
                400, "bad-request");
        expectProblem(http.post().uri("/api/roadmaps?as=").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form(bytes(PLAN), "plan.md"))).exchange(), 400, "bad-request");
        assertThat(jdbc.sql("SELECT count(*) FROM roadmap").query(Integer.class).single()).isZero();
    }

    @Test
    void uploadsARoadmapAsAMultipartFile() throws IOException {
        http.post().uri("/api/roadmaps").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form(seed("004_f81cf6d221e2f740.txt"), "milestones.txt"))).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/roadmaps/.+")
                .expectBody().jsonPath("$.topics[0].kind").isEqualTo("milestone");
        assertThat(jdbc.sql("SELECT source_name FROM roadmap").query(String.class).single()).isEqualTo("milestones.txt");
    }

    @Test
    void getsATopicWithItsRoadmap() throws IOException {
        Map<String, Object> created = post(seed("002_b3a40b5122b0f3e3.txt"), MARKDOWN, HttpStatus.CREATED);
        Map<String, Object> phase = list(created, "topics").get(0);

        http.get().uri("/api/topics/{id}", phase.get("id")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.title").isEqualTo(phase.get("title"))
                .jsonPath("$.roadmapId").isEqualTo(created.get("id"))
                .jsonPath("$.children.length()").isEqualTo(list(phase, "children").size());
    }

    @Test
    void unknownRoadmapAndTopicAreProblem404s() {
        expectProblem(http.get().uri("/api/roadmaps/nope").exchange(), 404, "not-found");
        expectProblem(http.get().uri("/api/topics/not-a-uuid").exchange(), 404, "not-found");
        expectProblem(http.get().uri("/api/topics/00000000-0000-0000-0000-000000000000").exchange(), 404, "not-found");
        expectProblem(http.get().uri("/api/nothing-here").exchange(), 404, "not-found");
        expectProblem(http.delete().uri("/api/roadmaps").exchange(), 405, "bad-request");
    }

    @Test
    void badRoadmapsAreRejectedAndChangeNothing() throws IOException {
        post(seed("001_1a123edda492b329.txt"), MARKDOWN, HttpStatus.CREATED);
        String before = snapshot();

        expectProblem(send(new byte[0], MARKDOWN), 422, "roadmap-empty");
        expectProblem(send("   \n\t\n".getBytes(StandardCharsets.UTF_8), MARKDOWN), 422, "roadmap-empty");
        expectProblem(send(new byte[] {'#', ' ', 'a', 0, 0, 0, 1, 2, 3, 0}, MARKDOWN), 422, "roadmap-binary");
        expectProblem(send(new byte[] {'#', ' ', 'c', 'a', 'f', (byte) 0xe9, '\n', '-', ' ', 'x'}, MARKDOWN), 422,
                "roadmap-not-utf8");
        expectProblem(send("just some words, no headings or lists".getBytes(StandardCharsets.UTF_8), MARKDOWN), 422,
                "roadmap-without-topics");
        byte[] huge = ("# Big\n## Month 1\n- " + "x".repeat(3 << 20)).getBytes(StandardCharsets.UTF_8);
        expectProblem(send(huge, MARKDOWN), 413, "request-too-large");
        byte[] justOver = ("# Big\n## Month 1\n- " + "x".repeat(1 << 20)).getBytes(StandardCharsets.UTF_8);
        expectProblem(send(justOver, MARKDOWN), 413, "roadmap-too-large");
        expectProblem(send("{}".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON), 415,
                "unsupported-media-type");
        expectProblem(send("# A\n## Month 1\n- x".getBytes(StandardCharsets.ISO_8859_1),
                MediaType.parseMediaType("text/plain;charset=ISO-8859-1")), 415, "unsupported-media-type");
        expectProblem(http.post().uri("/api/roadmaps").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(new MultipartBodyBuilder().build())).exchange(), 400, "bad-request");

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void healthReportsTheDatabase() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components.db.status").isEqualTo("UP");
    }

    /** What the stored roadmaps look like, down to the last written topic row. */
    private String snapshot() {
        return jdbc.sql("SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM roadmap").query(String.class).single()
                + jdbc.sql("SELECT count(*) || '/' || coalesce(max(xmin::text::bigint), 0) FROM topic").query(String.class)
                        .single()
                + jdbc.sql("SELECT count(*) FROM resource").query(String.class).single()
                + jdbc.sql("SELECT count(*) FROM topic_resource").query(String.class).single();
    }

    private static MultiValueMap<String, HttpEntity<?>> form(byte[] file, String filename) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return form.build();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private WebTestClient.ResponseSpec send(byte[] body, MediaType type) {
        return http.post().uri("/api/roadmaps").contentType(type).bodyValue(body).exchange();
    }

    private static void expectProblem(WebTestClient.ResponseSpec response, int status, String type) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:groundwork:problem:" + type)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.detail").isNotEmpty();
    }

    private Map<String, Object> post(byte[] body, MediaType type, HttpStatus expected) {
        return http.post().uri("/api/roadmaps").contentType(type).bodyValue(body).exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody(MAP).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> node, String field) {
        return (Map<String, Object>) node.get(field);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> node, String field) {
        return (List<Map<String, Object>>) node.get(field);
    }

    static byte[] seed(String name) throws IOException {
        try (InputStream in = RoadmapApiIT.class.getResourceAsStream("/roadmap/" + name)) {
            return in.readAllBytes();
        }
    }
}
