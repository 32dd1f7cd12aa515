package dev.groundwork.api.interview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.testing.TwoLearners;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Starts interviews and answers questions over HTTP, and checks what every grading stream must satisfy. */
final class InterviewStreams {

    static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() {
            };
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private InterviewStreams() {
    }

    static WebTestClient.RequestHeadersSpec<?> as(WebTestClient.RequestHeadersSpec<?> request, String learner) {
        return learner == null ? request : request.header(TwoLearners.HEADER, learner);
    }

    static Map<String, Object> start(WebTestClient http, Map<String, Object> body, String learner) {
        return as(http.post().uri("/api/interviews").contentType(MediaType.APPLICATION_JSON).bodyValue(body), learner)
                .exchange().expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    /** The named events of one grading, in order (heartbeats left out). */
    static List<ServerSentEvent<Map<String, Object>>> answer(WebTestClient http, String sessionId, String questionId,
            String answer, String learner) {
        return as(http.post().uri("/api/interviews/" + sessionId + "/questions/" + questionId + "/answer")
                        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                        .bodyValue(Map.of("answer", answer, "durationMs", 42_000)), learner)
                .exchange().expectStatus().isOk()
                .returnResult(EVENT).getResponseBody()
                .filter(e -> e.event() != null)
                .collectList().block(Duration.ofSeconds(90));
    }

    static List<Map<String, Object>> data(List<ServerSentEvent<Map<String, Object>>> events, String name) {
        return events.stream().filter(e -> name.equals(e.event())).map(ServerSentEvent::data).toList();
    }

    /**
     * Points first (one per rubric point), then the score, the reference tokens with their citations, at most one
     * follow-up, and {@code done} last; every point's anchor is a stored chunk holding its quote.
     */
    static void assertWellFormed(List<ServerSentEvent<Map<String, Object>>> events, JdbcClient jdbc) {
        List<String> names = events.stream().map(ServerSentEvent::event).filter(n -> !"notice".equals(n)).toList();
        assertThat(names).as("events").isNotEmpty();
        assertThat(names.get(names.size() - 1)).isEqualTo("done");
        int points = (int) names.stream().filter("point"::equals).count();
        assertThat(points).isBetween(1, 6);
        assertThat(names.subList(0, points)).containsOnly("point");
        assertThat(names.get(points)).isEqualTo("score");
        List<String> rest = names.subList(points + 1, names.size() - 1);
        assertThat(rest).isNotEmpty().allSatisfy(n -> assertThat(n).isIn("reference", "citation", "followup"))
                .contains("citation");
        assertThat(rest.get(0)).isEqualTo("reference");
        assertThat(rest.stream().filter("followup"::equals).count()).isLessThanOrEqualTo(1);
        if (rest.contains("followup")) {
            assertThat(rest.get(rest.size() - 1)).isEqualTo("followup");
        }
        for (Map<String, Object> point : data(events, "point")) {
            assertThat((String) point.get("verdict")).isIn("covered", "partial", "missed");
            assertAnchored(jdbc, (Map<String, Object>) point.get("anchor"));
        }
        Map<String, Object> score = data(events, "score").get(0);
        for (String part : List.of("correctness", "depth", "tradeoffs", "communication", "overall")) {
            Map<String, Object> value = (Map<String, Object>) score.get(part);
            assertThat(((Number) value.get("score")).doubleValue()).as(part).isBetween(0.0, 4.0);
            assertThat((String) value.get("reason")).as(part).isNotBlank();
        }
        String reference = String.join("", data(events, "reference").stream().map(t -> (String) t.get("text")).toList());
        assertThat(reference).matches("(?s).*\\[\\d+].*");
        for (Map<String, Object> citation : data(events, "citation")) {
            assertThat(reference).contains("[" + citation.get("n") + "]");
            assertThat(jdbc.sql("SELECT count(*) FROM chunks WHERE id = CAST(? AS uuid)").param(citation.get("chunkId"))
                    .query(Integer.class).single()).isEqualTo(1);
        }
    }

    /** The anchor names a stored chunk whose text holds the quote verbatim. */
    static void assertAnchored(JdbcClient jdbc, Map<String, Object> anchor) {
        String text = jdbc.sql("SELECT content FROM chunks WHERE id = CAST(? AS uuid)").param(anchor.get("chunkId"))
                .query(String.class).single();
        assertThat(text).contains((String) anchor.get("quote"));
    }
}
