package dev.groundwork.api.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

// no background workers: the roadmaps posted here link the real internet, which tests never fetch
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingest.background=false")
@AutoConfigureWebTestClient
@Import(TestDatabaseConfiguration.class)
class RoadmapApiIT {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown");

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyDatabase() {
        jdbc.sql("TRUNCATE roadmap, resource CASCADE").update();
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
        assertThat(created.get("changes")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("created", true);

        String id = (String) created.get("id");
        http.get().uri("/api/roadmaps/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.topics[0].id").isEqualTo(month1.get("id"));
        http.get().uri("/api/roadmaps").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].id").isEqualTo(id).jsonPath("$[0].topicCount").isEqualTo(created.get("topicCount"));
    }

    @Test
    void repostingTheSameRoadmapUpdatesItAndKeepsIds() throws IOException {
        Map<String, Object> first = post(seed("003_0efd650f91282031.txt"), MARKDOWN, HttpStatus.CREATED);
        Map<String, Object> second = post(seed("003_0efd650f91282031.txt"), MediaType.TEXT_PLAIN, HttpStatus.OK);

        assertThat(second.get("id")).isEqualTo(first.get("id"));
        assertThat(second.get("topics")).isEqualTo(first.get("topics"));
        assertThat(jdbc.sql("SELECT count(*) FROM roadmap").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void uploadsARoadmapAsAMultipartFile() throws IOException {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(seed("004_f81cf6d221e2f740.txt")) {
            @Override
            public String getFilename() {
                return "milestones.txt";
            }
        });

        http.post().uri("/api/roadmaps").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build())).exchange()
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
        expectProblem(send(huge, MARKDOWN), 413, "roadmap-too-large");
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

    private String snapshot() {
        return jdbc.sql("SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM roadmap").query(String.class).single()
                + jdbc.sql("SELECT count(*) FROM topic").query(String.class).single()
                + jdbc.sql("SELECT count(*) FROM resource").query(String.class).single();
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

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(byte[] body, MediaType type, HttpStatus expected) {
        return http.post().uri("/api/roadmaps").contentType(type).bodyValue(body).exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody(Map.class).returnResult().getResponseBody();
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
