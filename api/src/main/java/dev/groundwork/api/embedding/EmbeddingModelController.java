package dev.groundwork.api.embedding;

import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * {@code GET /api/admin/embedding-model} (admins only, enforced by the filter chain): which model serves retrieval,
 * which one is configured, and how far a build is. The model is switched by configuration and a restart
 * ({@code groundwork.embedding.provider}, {@code .openai.*}), not over HTTP. The registry is read on {@code jdbc}.
 */
@RestController
class EmbeddingModelController {

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

    EmbeddingModelController(RetrievalModels models, JdbcClient jdbc, @Qualifier("jdbcScheduler") Scheduler database) {
        this.models = models;
        this.jdbc = jdbc;
        this.database = database;
    }

    @GetMapping("/api/admin/embedding-model")
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
