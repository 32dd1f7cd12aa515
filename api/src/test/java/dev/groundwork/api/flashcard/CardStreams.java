package dev.groundwork.api.flashcard;

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

/** Posts card generations and checks what every generation stream and every generated card must satisfy. */
final class CardStreams {

    static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() {
            };

    private CardStreams() {
    }

    /** The named events of one generation, in order (heartbeats left out). */
    static List<ServerSentEvent<Map<String, Object>>> generate(WebTestClient http, String topicId,
            Map<String, Object> body, String learner) {
        WebTestClient.RequestBodySpec request = http.post().uri("/api/topics/" + topicId + "/cards/generate")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM);
        if (learner != null) {
            request.header(TwoLearners.HEADER, learner);
        }
        return request.bodyValue(body).exchange()
                .expectStatus().isOk()
                .returnResult(EVENT).getResponseBody()
                .filter(e -> e.event() != null)
                .collectList().block(Duration.ofSeconds(90));
    }

    static List<Map<String, Object>> cards(List<ServerSentEvent<Map<String, Object>>> events) {
        return data(events, "card");
    }

    static List<Map<String, Object>> data(List<ServerSentEvent<Map<String, Object>>> events, String name) {
        return events.stream().filter(e -> name.equals(e.event())).map(ServerSentEvent::data).toList();
    }

    static Map<String, Object> done(List<ServerSentEvent<Map<String, Object>>> events) {
        return events.get(events.size() - 1).data();
    }

    /** Cards, skips and notices, then exactly one {@code done} whose counts match. */
    static void assertWellFormed(List<ServerSentEvent<Map<String, Object>>> events) {
        List<String> names = events.stream().map(ServerSentEvent::event).toList();
        assertThat(names).isNotEmpty();
        assertThat(names.get(names.size() - 1)).isEqualTo("done");
        assertThat(names.subList(0, names.size() - 1)).allSatisfy(name ->
                assertThat(name).isIn("card", "skipped", "notice"));
        assertThat(done(events)).containsEntry("accepted", cards(events).size())
                .containsEntry("skipped", data(events, "skipped").size());
        data(events, "skipped").forEach(skip -> assertThat((String) skip.get("reason"))
                .isIn("duplicate", "unsupported", "quote-not-found", "low-quality"));
    }

    /** The card's quote stands verbatim in the stored text of the chunk it is anchored to. */
    @SuppressWarnings("unchecked")
    static void assertAnchoredVerbatim(JdbcClient jdbc, Map<String, Object> card) {
        Map<String, Object> anchor = (Map<String, Object>) card.get("anchor");
        assertThat(anchor).as("generated cards carry their passage").isNotNull();
        String quote = (String) anchor.get("quote");
        String passage = jdbc.sql("""
                SELECT substr(content, coalesce((metadata ->> 'passage_offset')::int, 0) + 1) FROM chunks
                WHERE id = ?::uuid""").param(anchor.get("chunkId")).query(String.class).single();
        assertThat(passage).contains(quote);
        assertThat((Integer) anchor.get("end") - (Integer) anchor.get("start")).isEqualTo(quote.length());
        assertThat((String) anchor.get("chunkHash")).hasSize(64);
    }
}
