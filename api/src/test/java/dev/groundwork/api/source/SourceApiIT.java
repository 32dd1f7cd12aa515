package dev.groundwork.api.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.testing.MirrorAppTest;
import dev.groundwork.api.testing.TwoLearners;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.extract.SourceDocuments;
import dev.groundwork.ingest.pipeline.IngestListener;
import dev.groundwork.ingest.store.ImportMode;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The learner's own sources over HTTP, ingested from the offline mirror and the database: a link, uploaded Markdown,
 * PDF and DOCX, pasted text — each fetched or read, chunked, and then cited by answers on its topic; bad files refused
 * with a problem and nothing written; learner-added sources kept by a roadmap update and shown, attributed, to others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groundwork.ingest.background=false", "groundwork.sources.max-file-size=512KB",
        "groundwork.sources.max-text-size=64KB", "groundwork.limits.imports=1000"})
@AutoConfigureWebTestClient(timeout = "PT120S")
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class, TwoLearners.class})
class SourceApiIT extends MirrorAppTest {

    static final String HEADER = TwoLearners.HEADER;
    static final String ROADMAP = """
            # Sources drill
            ## Week 1: Consensus
            - Leader election and log replication
            ## Week 2: Metrics
            - Counters and gauges
            ## Week 3: Leftovers
            - Things that go away
            """;
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() {
            };

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;

    String roadmapId;
    String consensus;
    String metrics;
    String leftovers;
    String learner;

    @BeforeEach
    void roadmap() {
        roadmapId = importer.importDocument(ROADMAP.getBytes(StandardCharsets.UTF_8), "sources.md", ImportMode.asNew())
                .roadmap().id();
        var topics = roadmaps.find(roadmapId).orElseThrow().topics();
        consensus = topics.get(0).id();
        metrics = topics.get(1).id();
        leftovers = topics.get(2).id();
        learner = UUID.randomUUID().toString();
    }

    @Test
    void aLinkAddedToATopicIsFetchedChunkedAndCitedByAnswersOnIt() {
        String url = "https://prometheus.io/docs/concepts/metric_types/";
        Map<String, Object> added = post(metrics, Map.of("url", url, "title", "Metric types"), 202);

        assertThat(added).containsEntry("kind", "link").containsEntry("url", url).containsEntry("title", "Metric types")
                .containsEntry("addedBy", "test").containsEntry("addedByYou", true).containsKey("addedAt");
        assertThat(jdbc.sql("SELECT count(*) FROM ingest_job WHERE resource_id = ?::uuid AND state = 'queued'")
                .param(added.get("id")).query(Integer.class).single()).isEqualTo(1);

        ingest();

        Map<String, Object> listed = listed(metrics, (String) added.get("id"));
        assertThat(listed.get("state")).isIn("fetched", "not_modified");
        assertThat((Integer) listed.get("chunks")).isPositive();
        List<Map<String, Object>> sources = sources(ask("What does a histogram metric sample?", metrics));
        assertThat(sources).extracting(s -> s.get("url")).contains(url);
    }

    @Test
    void aVideoLinkIsListedAsAVideoAndNeverFetched() {
        Map<String, Object> added = post(metrics, Map.of("url", "https://www.youtube.com/watch?v=h4Sl21AKiDg",
                "title", "Prometheus in 100 seconds"), 202);

        assertThat(added).containsEntry("kind", "video").containsEntry("state", "not_fetched");
        assertThat(jdbc.sql("SELECT count(*) FROM ingest_job WHERE resource_id = ?::uuid")
                .param(added.get("id")).query(Integer.class).single()).isZero();
        ingest();
        assertThat(listed(metrics, (String) added.get("id"))).containsEntry("state", "not_fetched")
                .containsEntry("reason", "video: not fetched").containsEntry("chunks", 0);
    }

    @Test
    void aLinkToAPrivateAddressIsRefusedByTheFetchGuardWhenItsJobRuns() {
        Map<String, Object> added = post(metrics, Map.of("url", "http://169.254.169.254/latest/meta-data/"), 202);

        ingest();

        Map<String, Object> listed = listed(metrics, (String) added.get("id"));
        assertThat(listed).containsEntry("state", "failed").containsEntry("chunks", 0);
        assertThat((String) listed.get("reason")).isNotBlank();
    }

    @Test
    void uploadedMarkdownPdfAndDocxAreIngestedAndCited() {
        Map<String, Object> markdown = upload(consensus, "raft-notes.md", "text/markdown",
                "# Raft notes\n\nA Raft follower that hears no heartbeat becomes a candidate and asks for votes.\n"
                        .getBytes(StandardCharsets.UTF_8), null, 202);
        Map<String, Object> pdf = upload(consensus, "paxos.pdf", "application/pdf",
                SourceDocuments.pdf(null, "Paxos proposers send prepare messages with ballot numbers to acceptors."),
                "Paxos paper", 202);
        Map<String, Object> docx = upload(consensus, "zab.docx", null, SourceDocuments.docx("Zab",
                "Zab broadcasts state changes from the primary to backups in order.", "Discovery", "Epochs",
                "Synchronisation", new String[][] {{"Phase", "Goal"}, {"Broadcast", "order"}},
                "Zookeeper uses Zab."), null, 202);

        assertThat(markdown).containsEntry("kind", "file").containsEntry("title", "raft-notes.md")
                .containsEntry("fileName", "raft-notes.md").containsEntry("state", "pending").doesNotContainKey("url");
        assertThat(pdf).containsEntry("title", "Paxos paper");

        ingest();

        for (Map<String, Object> added : List.of(markdown, pdf, docx)) {
            Map<String, Object> listed = listed(consensus, (String) added.get("id"));
            assertThat(listed).as(added.get("title").toString()).containsEntry("state", "fetched");
            assertThat((Integer) listed.get("chunks")).isPositive();
        }
        assertThat(jdbc.sql("SELECT metadata ->> 'title' FROM chunks WHERE resource_id = ?::uuid")
                .param(pdf.get("id")).query(String.class).list()).containsOnly("Paxos paper");
        assertThat(sources(ask("What do Paxos proposers send to acceptors?", consensus)))
                .anySatisfy(s -> assertThat(s).containsEntry("title", "Paxos paper")
                        .containsEntry("url", "groundwork:source/" + pdf.get("id")));
        assertThat(sources(ask("What does Zab broadcast from the primary?", consensus)))
                .extracting(s -> s.get("title")).contains("zab.docx");
        assertThat(sources(ask("When does a Raft follower become a candidate?", consensus)))
                .extracting(s -> s.get("title")).contains("raft-notes.md");
    }

    @Test
    void pastedTextIsIngestedUnderItsTitle() {
        Map<String, Object> added = post(consensus, Map.of("title", "My quorum notes",
                "text", "## Quorums\n\nA quorum of five servers is three: any two majorities overlap in one server."),
                202);
        assertThat(added).containsEntry("kind", "text").containsEntry("title", "My quorum notes");

        ingest();

        assertThat(listed(consensus, (String) added.get("id"))).containsEntry("state", "fetched");
        assertThat(sources(ask("How many servers make a quorum of five?", consensus)))
                .extracting(s -> s.get("title")).contains("My quorum notes");
    }

    @Test
    void theSameSourceAddedTwiceIsListedOnce() {
        Map<String, Object> first = post(consensus, Map.of("title", "Twice", "text", "Leases bound clock skew."), 202);
        Map<String, Object> again = post(consensus, Map.of("title", "Twice", "text", "Leases bound clock skew."), 200);

        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(list(consensus, learner)).filteredOn(s -> first.get("id").equals(s.get("id"))).hasSize(1);
    }

    @Test
    void badSourcesAreProblemsAndWriteNothing() {
        Map<String, Integer> before = counts();

        expectUpload("setup.exe", null, "MZ binary".getBytes(StandardCharsets.UTF_8), 415, "source-unsupported-type");
        expectUpload("paper.pdf", "application/pdf", "# not a pdf".getBytes(StandardCharsets.UTF_8), 400,
                "source-mismatch");
        expectUpload("notes.md", "text/markdown", SourceDocuments.pdf(null, "A PDF in disguise."), 400,
                "source-mismatch");
        expectUpload("notes.md", "application/pdf", "# Notes".getBytes(StandardCharsets.UTF_8), 400,
                "source-mismatch");
        expectUpload("guide.docx", null, SourceDocuments.pdf(null, "Not a zip."), 400, "source-mismatch");
        expectUpload("secret.pdf", "application/pdf", SourceDocuments.pdf("user-secret", "Hidden."), 422,
                "source-unreadable");
        expectUpload("broken.pdf", "application/pdf", "%PDF-1.7\nthis is not a pdf body".getBytes(
                StandardCharsets.US_ASCII), 422, "source-unreadable");
        expectUpload("bomb.docx", null, SourceDocuments.zip(1, 64 * 1024 * 1024), 422, "source-unreadable");
        expectUpload("empty.txt", "text/plain", new byte[0], 422, "source-empty");
        expectUpload("blank.md", "text/markdown", " \n\n \n".getBytes(StandardCharsets.UTF_8), 422, "source-empty");
        expectUpload("large.txt", "text/plain", "word ".repeat(120_000).getBytes(StandardCharsets.UTF_8), 413,
                "source-too-large");
        expectPost(consensus, Map.of("title", "Blank", "text", "   "), 422, "source-empty");
        expectPost(consensus, Map.of("text", "Untitled text."), 400, "bad-request");
        expectPost(consensus, Map.of("title", "Huge", "text", "x".repeat(70_000)), 413, "source-too-large");
        expectPost(consensus, Map.of("url", "ftp://example.com/file"), 400, "bad-request");
        expectPost(consensus, Map.of("url", "not a url"), 400, "bad-request");
        expectPost(consensus, Map.of(), 400, "bad-request");
        expectPost(UUID.randomUUID().toString(), Map.of("title", "T", "text", "Text."), 404, "not-found");
        expectPost("not-a-topic", Map.of("title", "T", "text", "Text."), 404, "not-found");
        MultipartBodyBuilder titleOnly = new MultipartBodyBuilder();
        titleOnly.part("title", "No file");
        http.post().uri("/api/topics/" + consensus + "/resources").header(HEADER, learner)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(titleOnly.build()))
                .exchange().expectStatus().isBadRequest();

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aLearnersSourceOnATopicThatIsArchivedIsNotFoundAfterwards() {
        post(leftovers, Map.of("title", "Keep me", "text", "Something to keep."), 202);
        importer.importDocument(ROADMAP.replace("## Week 3: Leftovers\n- Things that go away\n", "")
                .getBytes(StandardCharsets.UTF_8), "sources.md", ImportMode.update(roadmapId));

        assertThat(jdbc.sql("SELECT archived_at IS NOT NULL FROM topic WHERE id = ?::uuid").param(leftovers)
                .query(Boolean.class).single()).as("archived, not deleted").isTrue();
        expectPost(leftovers, Map.of("title", "More", "text", "More text."), 404, "not-found");
        assertThat(jdbc.sql("SELECT count(*) FROM topic_resource WHERE topic_id = ?::uuid").param(leftovers)
                .query(Integer.class).single()).as("the learner's link is kept").isEqualTo(1);
    }

    @Test
    void aLearnersSourceSurvivesARoadmapUpdate() {
        Map<String, Object> added = post(consensus, Map.of("title", "Survivor", "text", "Terms order leaders."), 202);
        String link = "https://prometheus.io/docs/concepts/data_model/";
        Map<String, Object> sharedLink = post(consensus, Map.of("url", link), 202);

        importer.importDocument(ROADMAP.replace("- Leader election and log replication",
                "- Leader election and log replication\n- " + link + "\n- https://prometheus.io/docs/")
                .getBytes(StandardCharsets.UTF_8), "sources.md", ImportMode.update(roadmapId));

        List<Map<String, Object>> listed = list(consensus, learner);
        assertThat(listed).filteredOn(s -> added.get("id").equals(s.get("id"))).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("addedBy", "test").containsEntry("title", "Survivor"));
        assertThat(listed).filteredOn(s -> sharedLink.get("id").equals(s.get("id"))).singleElement()
                .satisfies(s -> assertThat(s).as("the learner's link, not relinked by the roadmap")
                        .containsEntry("addedBy", "test"));
        assertThat(listed).filteredOn(s -> "https://prometheus.io/docs/".equals(s.get("url"))).singleElement()
                .satisfies(s -> assertThat(s).doesNotContainKey("addedBy"));
        assertThat(roadmaps.findTopic(consensus).orElseThrow().topic().resources())
                .as("the roadmap's own resources are the document's").extracting(r -> r.url())
                .containsExactly(link, "https://prometheus.io/docs/");
    }

    @Test
    void anotherLearnerSeesTheSourceAttributedToTheOneWhoAddedIt() {
        Map<String, Object> added = post(metrics, Map.of("title", "Shared notes", "text", "Gauges go up and down."),
                202);

        Map<String, Object> seenByB = list(metrics, "b").stream().filter(s -> added.get("id").equals(s.get("id")))
                .findFirst().orElseThrow();

        assertThat(seenByB).containsEntry("addedBy", "test").containsEntry("addedByYou", false)
                .containsEntry("title", "Shared notes");
        http.get().uri("/api/topics/" + UUID.randomUUID() + "/resources").exchange().expectStatus().isNotFound();
    }

    @Test
    void onlyTheLearnerWhoAddedASourceTakesItOffTheTopic() {
        Map<String, Object> added = post(metrics, Map.of("title", "Mine", "text", "Summaries quantile on the client."),
                202);
        ingest();
        String path = "/api/topics/" + metrics + "/resources/" + added.get("id");
        int chunks = count("chunks");

        http.delete().uri(path).header(HEADER, "b").exchange().expectStatus().isNotFound();
        assertThat(list(metrics, learner)).extracting(s -> s.get("id")).contains(added.get("id"));

        http.delete().uri(path).header(HEADER, learner).exchange().expectStatus().isNoContent();
        assertThat(list(metrics, learner)).extracting(s -> s.get("id")).doesNotContain(added.get("id"));
        assertThat(count("chunks")).as("chunks stay for cards anchored on them").isEqualTo(chunks);
        http.delete().uri(path).header(HEADER, learner).exchange().expectStatus().isNotFound();
    }

    private void ingest() {
        run.run(roadmapId, IngestListener.NONE);
    }

    private Map<String, Integer> counts() {
        return Map.of(
                "resource", count("resource"), "resource_content", count("resource_content"),
                "topic_resource", count("topic_resource"), "ingest_job", count("ingest_job"),
                "chunks", count("chunks"));
    }

    private int count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    private Map<String, Object> post(String topicId, Map<String, Object> body, int status) {
        return http.post().uri("/api/topics/" + topicId + "/resources").header(HEADER, learner)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectBody(JSON).returnResult().getResponseBody();
    }

    private void expectPost(String topicId, Map<String, Object> body, int status, String type) {
        http.post().uri("/api/topics/" + topicId + "/resources").header(HEADER, learner)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:" + type);
    }

    private WebTestClient.ResponseSpec sendFile(String topicId, String fileName, String type, byte[] bytes,
            String title) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        var part = body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        if (type != null) {
            part.contentType(MediaType.parseMediaType(type));
        }
        if (title != null) {
            body.part("title", title);
        }
        return http.post().uri("/api/topics/" + topicId + "/resources").header(HEADER, learner)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }

    private Map<String, Object> upload(String topicId, String fileName, String type, byte[] bytes, String title,
            int status) {
        return sendFile(topicId, fileName, type, bytes, title).expectStatus().isEqualTo(status).expectBody(JSON)
                .returnResult().getResponseBody();
    }

    private void expectUpload(String fileName, String type, byte[] bytes, int status, String problem) {
        sendFile(consensus, fileName, type, bytes, null).expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:" + problem);
    }

    private List<Map<String, Object>> list(String topicId, String who) {
        return http.get().uri("/api/topics/" + topicId + "/resources").header(HEADER, who).exchange()
                .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
    }

    private Map<String, Object> listed(String topicId, String resourceId) {
        return list(topicId, learner).stream().filter(s -> resourceId.equals(s.get("id"))).findFirst().orElseThrow();
    }

    private List<ServerSentEvent<Map<String, Object>>> ask(String question, String topicId) {
        return http.post().uri("/api/answers").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM).bodyValue(Map.of("question", question, "topicId", topicId))
                .exchange().expectStatus().isOk()
                .returnResult(EVENT).getResponseBody().filter(e -> e.event() != null)
                .collectList().block(Duration.ofSeconds(60));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sources(List<ServerSentEvent<Map<String, Object>>> events) {
        assertThat(events.get(0).event()).isEqualTo("sources");
        return (List<Map<String, Object>>) events.get(0).data().get("sources");
    }
}
