package dev.groundwork.api.ingestion;

import dev.groundwork.ingest.store.IngestionStatus;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * One poll of a roadmap's ingestion state per app instance, however many clients follow it. The first follower of a
 * roadmap starts a feed that reads the state at once and then every {@code poll}, passing on each change; later
 * followers join it and get the latest state first (no read of their own). The feed stops polling when its last
 * follower leaves, and ends after the finished state; the next follower then starts a new one. An unknown roadmap
 * fails every follower with the read's error before any state.
 *
 * <p>Threading: the reads run wherever {@code status} puts them (the {@code jdbc} scheduler); the poll's clock runs
 * on {@code timer}. A follower that joins in the instant the last one leaves may start a second feed of the same
 * roadmap for as long as it stays: never more than one read per follower, as without sharing.
 */
final class ProgressFeeds {

    private final Function<String, Mono<IngestionStatus>> status;
    private final Duration poll;
    private final Scheduler timer;
    private final ConcurrentMap<String, Flux<IngestionStatus>> feeds = new ConcurrentHashMap<>();

    /**
     * @param status reads a roadmap's state (an error such as {@code NotFound} fails its followers)
     * @param poll   how often a followed roadmap's state is read
     * @param timer  the clock of the polls
     */
    ProgressFeeds(Function<String, Mono<IngestionStatus>> status, Duration poll, Scheduler timer) {
        this.status = status;
        this.poll = poll;
        this.timer = timer;
    }

    /** The roadmap's state now, then each change of it, ending after the finished one. */
    Flux<IngestionStatus> follow(String roadmapId) {
        return Flux.defer(() -> feeds.computeIfAbsent(roadmapId, this::feed));
    }

    /** Roadmaps with a feed running. */
    int followed() {
        return feeds.size();
    }

    private Flux<IngestionStatus> feed(String roadmapId) {
        AtomicReference<Flux<IngestionStatus>> self = new AtomicReference<>();
        Flux<IngestionStatus> shared = Flux.interval(Duration.ZERO, poll, timer)
                .onBackpressureDrop()
                .concatMap(tick -> status.apply(roadmapId))
                .distinctUntilChanged()
                .takeUntil(IngestionStatus::finished)
                .doFinally(signal -> feeds.remove(roadmapId, self.get()))
                .replay(1)
                .refCount(1);
        self.set(shared);
        return shared;
    }
}
