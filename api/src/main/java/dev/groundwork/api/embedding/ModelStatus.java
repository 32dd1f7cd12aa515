package dev.groundwork.api.embedding;

import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * What the admin page shows of the embedding models: which one serves retrieval, which one is configured, and how far a
 * build is. The boundary onto {@code jdbc} for reading the registry.
 */
@Component
class ModelStatus {

    /** What the admin page shows. */
    record Status(String active, String serving, String configured, Building building, List<Model> models) {
    }

    /** A model being built: chunks with its vector so far, out of all chunks. */
    record Building(String model, int dimensions, int done, int total, Instant startedAt) {
    }

    record Model(String id, int dimensions, String state, int done, int total, Instant startedAt,
            Instant finishedAt) {
    }

    private final RetrievalModels models;
    private final JdbcClient jdbc;
    private final Scheduler database;

    ModelStatus(RetrievalModels models, JdbcClient jdbc, @Qualifier("jdbcScheduler") Scheduler database) {
        this.models = models;
        this.jdbc = jdbc;
        this.database = database;
    }

    Mono<Status> status() {
        return Mono.fromCallable(this::read).subscribeOn(database);
    }

    private Status read() {
        List<ModelRegistry.Entry> entries = new ModelRegistry(jdbc).entries();
        String active = entries.stream().filter(e -> e.state().equals("active")).map(ModelRegistry.Entry::id)
                .findFirst().orElse(models.base().id());
        Building building = entries.stream().filter(e -> e.state().equals("building"))
                .map(e -> new Building(e.id(), e.dimensions(), e.done(), e.total(), e.startedAt()))
                .findFirst().orElse(null);
        return new Status(active, models.serving().id(), models.configured().id(), building,
                entries.stream().map(e -> new Model(e.id(), e.dimensions(), e.state(), e.done(), e.total(),
                        e.startedAt(), e.finishedAt())).toList());
    }
}
