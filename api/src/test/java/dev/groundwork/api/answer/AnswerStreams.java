package dev.groundwork.api.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Posts questions to {@code /api/answers} and checks what every answer stream must satisfy. */
final class AnswerStreams {

    static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() {
            };

    private AnswerStreams() {
    }

    /** The named events of one answer, in order (heartbeat comments left out). */
    static List<ServerSentEvent<Map<String, Object>>> ask(WebTestClient http, Map<String, Object> body) {
        return ask(http, body, null);
    }

    /** As {@link #ask(WebTestClient, Map)}, for the test learner {@code learner} ({@code null}: the default one). */
    static List<ServerSentEvent<Map<String, Object>>> ask(WebTestClient http, Map<String, Object> body,
            String learner) {
        WebTestClient.RequestBodySpec request = http.post().uri("/api/answers").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM);
        if (learner != null) {
            request.header(dev.groundwork.api.testing.TwoLearners.HEADER, learner);
        }
        return request.bodyValue(body).exchange()
                .expectStatus().isOk()
                .returnResult(EVENT).getResponseBody()
                .filter(e -> e.event() != null)
                .collectList().block(Duration.ofSeconds(60));
    }

    static List<String> names(List<ServerSentEvent<Map<String, Object>>> events) {
        return events.stream().map(ServerSentEvent::event).toList();
    }

    static String text(List<ServerSentEvent<Map<String, Object>>> events) {
        return events.stream().filter(e -> "token".equals(e.event())).map(e -> (String) e.data().get("text"))
                .collect(Collectors.joining());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> sources(List<ServerSentEvent<Map<String, Object>>> events) {
        return (List<Map<String, Object>>) events.get(0).data().get("sources");
    }

    static Map<String, Object> last(List<ServerSentEvent<Map<String, Object>>> events) {
        return events.get(events.size() - 1).data();
    }

    /**
     * Sources first, then tokens, citations and notices, then exactly one {@code done}; every citation points at
     * a retrieved chunk with its number.
     */
    static void assertWellFormed(List<ServerSentEvent<Map<String, Object>>> events) {
        List<String> names = names(events);
        assertThat(names.get(0)).isEqualTo("sources");
        assertThat(names.get(names.size() - 1)).isEqualTo("done");
        assertThat(names.subList(1, names.size() - 1)).allSatisfy(name ->
                assertThat(name).isIn("token", "citation", "notice"));
        Map<Integer, String> byNumber = sources(events).stream().collect(Collectors.toMap(
                s -> (Integer) s.get("n"), s -> (String) s.get("chunkId")));
        Set<String> retrieved = Set.copyOf(byNumber.values());
        events.stream().filter(e -> "citation".equals(e.event())).forEach(citation -> {
            assertThat(retrieved).contains((String) citation.data().get("chunkId"));
            assertThat(byNumber.get((Integer) citation.data().get("n"))).isEqualTo(citation.data().get("chunkId"));
        });
    }
}
