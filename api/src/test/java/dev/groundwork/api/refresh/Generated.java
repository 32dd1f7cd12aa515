package dev.groundwork.api.refresh;

import dev.groundwork.api.testing.TwoLearners;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Cards a learner generates for a topic through the API (offline), as the stream's {@code card} events. */
final class Generated {

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() {
            };

    private Generated() {
    }

    static List<Map<String, Object>> cards(WebTestClient http, String topicId, String learner) {
        WebTestClient.RequestBodySpec request = http.post().uri("/api/topics/" + topicId + "/cards/generate")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM);
        if (learner != null) {
            request.header(TwoLearners.HEADER, learner);
        }
        return request.bodyValue(Map.of("count", 3, "types", List.of("basic"))).exchange()
                .expectStatus().isOk()
                .returnResult(EVENT).getResponseBody()
                .filter(e -> "card".equals(e.event()))
                .map(ServerSentEvent::data)
                .collectList().block(Duration.ofSeconds(90));
    }
}
