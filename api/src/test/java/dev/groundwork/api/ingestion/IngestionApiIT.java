package dev.groundwork.api.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.mirror.MirrorFetching;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Posting a roadmap starts ingestion in the background; its progress streams as SSE until done. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingestion-events.poll=100ms")
@AutoConfigureWebTestClient(timeout = "PT90S")
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class})
@DirtiesContext   // stops its ingestion workers: they would claim the jobs of later test classes
class IngestionApiIT extends MirrorFetching {

    @Autowired
    WebTestClient http;

    @Test
    void postingARoadmapIngestsItAndStreamsProgressUntilDone() {
        String roadmap = """
                # Caching study
                ## Week 1: Redis
                - Cache aside
                - https://redis.io/docs/latest/develop/get-started/
                - [DDIA](https://dataintensive.net/)
                """;
        String id = (String) http.post().uri("/api/roadmaps").contentType(MediaType.parseMediaType("text/markdown"))
                .bodyValue(roadmap.getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");

        List<ServerSentEvent<Map<String, Object>>> events = http.get().uri("/api/roadmaps/{id}/ingestion/events", id)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
                })
                .getResponseBody().filter(e -> e.event() != null).collectList().block(Duration.ofSeconds(90));

        assertThat(events).isNotEmpty();
        assertThat(events.subList(0, events.size() - 1)).allSatisfy(e -> assertThat(e.event()).isEqualTo("progress"));
        ServerSentEvent<Map<String, Object>> done = events.get(events.size() - 1);
        assertThat(done.event()).isEqualTo("done");
        assertThat(done.data()).containsEntry("finished", true);

        http.get().uri("/api/roadmaps/{id}/ingestion", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.finished").isEqualTo(true)
                // another test of this JVM may have fetched the shared resource first: then it is unchanged
                .jsonPath("$.items[?(@.url == 'https://redis.io/docs/latest/develop/get-started/')].state")
                .value(states -> assertThat((List<?>) states).singleElement().isIn("fetched", "not_modified"))
                .jsonPath("$.items[?(@.url == 'https://redis.io/docs/latest/develop/get-started/')].chunks")
                .value(chunks -> assertThat((List<?>) chunks).singleElement().satisfies(
                        n -> assertThat((Integer) n).isPositive()))
                .jsonPath("$.items[?(@.url == 'https://dataintensive.net/')].reason").isEqualTo(List.of("HTTP 404"))
                .jsonPath("$.chunks").value(chunks -> assertThat((Integer) chunks).isPositive())
                .jsonPath("$.topicChunks").value(chunks -> assertThat((Integer) chunks).isPositive());
    }

    @Test
    void unknownRoadmapIsAProblemBeforeAnyEvent() {
        http.get().uri("/api/roadmaps/nope/ingestion").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:groundwork:problem:not-found");
        http.get().uri("/api/roadmaps/nope/ingestion/events").exchange()
                .expectStatus().isNotFound();
    }
}
