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
 * The state of a roadmap's ingestion, once or as a stream. The stream sends {@code progress} events whenever the
 * state changes and ends with {@code done}; a comment heartbeat keeps idle connections open. An unknown roadmap is
 * a 404 problem before the first event. A client that goes away cancels the polling.
 */
@RestController
class IngestionController {

    private final IngestionService ingestion;
    private final IngestionStreamProperties stream;

    IngestionController(IngestionService ingestion, IngestionStreamProperties stream) {
        this.ingestion = ingestion;
        this.stream = stream;
    }

    @GetMapping("/api/roadmaps/{id}/ingestion")
    Mono<IngestionStatus> status(@PathVariable String id) {
        return ingestion.status(id);
    }

    @GetMapping(path = "/api/roadmaps/{id}/ingestion/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<IngestionStatus>> events(@PathVariable String id) {
        return ingestion.status(id).flatMapMany(first -> {
            Flux<ServerSentEvent<IngestionStatus>> states = Flux.just(first)
                    .concatWith(Flux.interval(stream.poll()).onBackpressureDrop().concatMap(tick -> ingestion.status(id)))
                    .distinctUntilChanged()
                    .takeUntil(IngestionStatus::finished)
                    .map(state -> ServerSentEvent.builder(state).event(state.finished() ? "done" : "progress").build());
            Flux<ServerSentEvent<IngestionStatus>> heartbeats = Flux.interval(stream.heartbeat())
                    .map(tick -> ServerSentEvent.<IngestionStatus>builder().comment("heartbeat").build());
            return Flux.merge(states, heartbeats).takeUntil(event -> "done".equals(event.event()));
        });
    }
}
