package dev.groundwork.api.ingestion;

import dev.groundwork.ingest.store.IngestionStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The state of a roadmap's ingestion, once or as a stream. The stream sends the current state as a {@code progress}
 * event, another whenever it changes, and ends with {@code done}; a comment heartbeat keeps idle connections open. An
 * unknown roadmap is a 404 problem before the first event. Every stream of one roadmap shares one poll of the
 * database ({@link ProgressFeeds}); a client that goes away leaves it, and the last one stops it.
 */
@RestController
class IngestionController {

    private final IngestionService ingestion;
    private final ProgressFeeds feeds;
    private final IngestionStreamProperties stream;

    IngestionController(IngestionService ingestion, ProgressFeeds feeds, IngestionStreamProperties stream) {
        this.ingestion = ingestion;
        this.feeds = feeds;
        this.stream = stream;
    }

    @GetMapping("/api/roadmaps/{id}/ingestion")
    Mono<IngestionStatus> status(@PathVariable String id) {
        return ingestion.status(id);
    }

    @GetMapping(path = "/api/roadmaps/{id}/ingestion/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<IngestionStatus>> events(@PathVariable String id) {
        Flux<ServerSentEvent<IngestionStatus>> heartbeats = Flux.interval(stream.heartbeat())
                .map(tick -> ServerSentEvent.<IngestionStatus>builder().comment("heartbeat").build());
        // heartbeats only once the first state is out: a failure before it is still a problem response
        return feeds.follow(id)
                .map(state -> ServerSentEvent.builder(state).event(state.finished() ? "done" : "progress").build())
                .switchOnFirst((first, states) -> first.hasValue()
                        ? Flux.merge(states, heartbeats).takeUntil(event -> "done".equals(event.event()))
                        : states);
    }
}
