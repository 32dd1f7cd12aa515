package dev.groundwork.api.roadmap;

import dev.groundwork.api.ingestion.IngestionService;
import dev.groundwork.api.problem.NotFound;
import dev.groundwork.api.refresh.RefreshSettings;
import dev.groundwork.ingest.pipeline.ImportedRoadmap;
import dev.groundwork.ingest.pipeline.RoadmapImporter;
import dev.groundwork.ingest.store.ImportMode;
import dev.groundwork.ingest.store.RoadmapQueries;
import dev.groundwork.ingest.store.RoadmapSummary;
import dev.groundwork.ingest.store.UnknownRoadmap;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The boundary between the reactive API and the blocking roadmap store: every call parses or touches JDBC on
 * the bounded {@code jdbc} scheduler, never on the event loop.
 */
@Service
public class RoadmapService {

    private final RoadmapImporter importer;
    private final RoadmapQueries queries;
    private final IngestionService ingestion;
    private final RefreshSettings refresh;
    private final Scheduler jdbc;

    RoadmapService(RoadmapImporter importer, RoadmapQueries queries, IngestionService ingestion,
            RefreshSettings refresh, @Qualifier("jdbcScheduler") Scheduler jdbc) {
        this.importer = importer;
        this.queries = queries;
        this.ingestion = ingestion;
        this.refresh = refresh;
        this.jdbc = jdbc;
    }

    /**
     * Imports the document as {@code mode} says and, when that changed anything, queues the roadmap's ingestion.
     * An update of an unknown roadmap is a {@link NotFound}.
     */
    Mono<ImportResponse> importDocument(byte[] document, String sourceName, ImportMode mode) {
        return Mono.fromCallable(() -> {
            ImportedRoadmap imported;
            try {
                imported = importer.importDocument(document, sourceName, mode);
            } catch (UnknownRoadmap e) {
                throw new NotFound("roadmap", e.roadmapId());
            }
            String id = imported.roadmap().id();
            RoadmapView view = view(id).orElseThrow(() -> new NotFound("roadmap", id));
            return new ImportResponse(view, imported.result(), imported.roadmap().skippedLinks());
        }).subscribeOn(jdbc).flatMap(response -> response.changes().unchanged() ? Mono.just(response)
                : ingestion.start(response.roadmap().id()).thenReturn(response));
    }

    /** Every stored roadmap, most recently imported first. */
    public Mono<List<RoadmapSummary>> list() {
        return Mono.fromCallable(queries::list).subscribeOn(jdbc);
    }

    Mono<RoadmapView> find(String id) {
        return Mono.fromCallable(() -> view(id).orElseThrow(() -> new NotFound("roadmap", id))).subscribeOn(jdbc);
    }

    private Optional<RoadmapView> view(String id) {
        return queries.find(id).map(stored -> RoadmapView.of(stored, refresh.freshness(id).orElse(null)));
    }

    Mono<TopicView> findTopic(String id) {
        return Mono.fromCallable(() -> queries.findTopic(id).map(TopicView::of).orElseThrow(() -> new NotFound("topic", id)))
                .subscribeOn(jdbc);
    }
}
