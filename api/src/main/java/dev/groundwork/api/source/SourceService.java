package dev.groundwork.api.source;

import dev.groundwork.api.Uuids;
import dev.groundwork.api.ingestion.IngestionService;
import dev.groundwork.api.problem.NotFound;
import dev.groundwork.api.security.Learner;
import dev.groundwork.ingest.store.NewSource;
import dev.groundwork.ingest.store.SourceStore;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The boundary of the learner's own sources: the topic lookup, the checks (extraction included) and the store run on
 * the bounded {@code jdbc} scheduler, never on the event loop. A source is added to a topic that exists and is not
 * archived (else 404), after its checks pass; then its ingestion job is queued in the same transaction and the
 * background workers are woken.
 */
@Service
class SourceService {

    private final SourceStore store;
    private final SourceChecks checks;
    private final IngestionService ingestion;
    private final Scheduler jdbc;

    SourceService(SourceStore store, SourceChecks checks, IngestionService ingestion,
            @Qualifier("jdbcScheduler") Scheduler jdbc) {
        this.store = store;
        this.checks = checks;
        this.ingestion = ingestion;
        this.jdbc = jdbc;
    }

    /** What adding a source gave: the source as the topic lists it, and whether it is new there. */
    record Added(SourceView source, boolean created) {
    }

    Mono<Added> add(String topicId, AddSource request, Learner learner) {
        return add(topicId, () -> checks.json(request), learner);
    }

    Mono<Added> add(String topicId, Upload upload, Learner learner) {
        return add(topicId, () -> checks.file(upload), learner);
    }

    private Mono<Added> add(String topicId, Supplier<NewSource> checked, Learner learner) {
        return Mono.fromCallable(() -> {
            UUID topic = topic(topicId);
            if (!store.topicExists(topic)) {   // before the checks' work
                throw new NotFound("topic", topicId);
            }
            SourceStore.Added added = store.add(topic, checked.get(), learner.id())
                    .orElseThrow(() -> new NotFound("topic", topicId));
            return new Added(SourceView.of(added.source(), learner), added.created());
        }).subscribeOn(jdbc).doOnSuccess(added -> {
            if (added.created()) {
                ingestion.wake();
            }
        });
    }

    /** Takes the learner's own source off the topic; another learner's, or an unknown one, is a {@link NotFound}. */
    Mono<Void> remove(String topicId, String resourceId, Learner learner) {
        return Mono.fromRunnable(() -> {
            UUID topic = topic(topicId);
            UUID resource = Uuids.parse(resourceId).orElseThrow(() -> new NotFound("source", resourceId));
            if (!store.remove(topic, resource, learner.id())) {
                throw new NotFound("source", resourceId);
            }
        }).subscribeOn(jdbc).then();
    }

    Mono<List<SourceView>> list(String topicId, Learner learner) {
        return Mono.fromCallable(() -> {
            UUID topic = topic(topicId);
            if (!store.topicExists(topic)) {
                throw new NotFound("topic", topicId);
            }
            return store.list(topic).stream().map(s -> SourceView.of(s, learner)).toList();
        }).subscribeOn(jdbc);
    }

    private static UUID topic(String topicId) {
        return Uuids.parse(topicId).orElseThrow(() -> new NotFound("topic", topicId));
    }
}
