package dev.groundwork.api.ingestion;

import dev.groundwork.api.problem.NotFound;
import dev.groundwork.ingest.pipeline.JobQueue;
import dev.groundwork.ingest.store.IngestionQueries;
import dev.groundwork.ingest.store.IngestionStatus;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** Boundary between the reactive API and the blocking job queue: JDBC runs on the bounded {@code jdbc} scheduler. */
@Service
public class IngestionService {

    private final JobQueue queue;
    private final IngestionQueries queries;
    private final Optional<BackgroundIngestion> workers;
    private final Scheduler jdbc;

    IngestionService(JobQueue queue, IngestionQueries queries, ObjectProvider<BackgroundIngestion> workers,
            @Qualifier("jdbcScheduler") Scheduler jdbc) {
        this.queue = queue;
        this.queries = queries;
        this.workers = Optional.ofNullable(workers.getIfAvailable());
        this.jdbc = jdbc;
    }

    /** Queues the roadmap's ingestion and wakes the workers; completes once the jobs are durable. */
    public Mono<Integer> start(String roadmapId) {
        return Mono.fromCallable(() -> queue.enqueue(roadmapId))
                .subscribeOn(jdbc)
                .doOnSuccess(queued -> workers.ifPresent(BackgroundIngestion::wake));
    }

    /** Sets idle background workers to drain the queue (jobs queued elsewhere: a check, a source); returns at once. */
    public void wake() {
        workers.ifPresent(BackgroundIngestion::wake);
    }

    Mono<IngestionStatus> status(String roadmapId) {
        return Mono.fromCallable(() -> queries.status(roadmapId).orElseThrow(() -> new NotFound("roadmap", roadmapId)))
                .subscribeOn(jdbc);
    }
}
