package dev.groundwork.api.openai;

import dev.groundwork.api.openai.OpenAiResponses.Model;
import dev.groundwork.api.openai.OpenAiResponses.ModelList;
import dev.groundwork.api.roadmap.RoadmapService;
import dev.groundwork.ingest.store.RoadmapSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The models Groundwork offers: {@code groundwork} answers from everything, {@code groundwork/<roadmap-id>} from one
 * roadmap. A roadmap model is {@code created} when its roadmap was imported; {@code groundwork} when the first one was.
 */
@Component
class ModelCatalog {

    static final String ALL = "groundwork";
    private static final String ROADMAP_PREFIX = ALL + "/";

    private final RoadmapService roadmaps;

    ModelCatalog(RoadmapService roadmaps) {
        this.roadmaps = roadmaps;
    }

    Mono<ModelList> list() {
        return roadmaps.list().map(stored -> {
            List<Model> models = new ArrayList<>();
            models.add(new Model(ALL, stored.stream().map(RoadmapSummary::importedAt).min(Instant::compareTo)
                    .map(Instant::getEpochSecond).orElse(0L)));
            stored.forEach(roadmap -> models.add(new Model(ROADMAP_PREFIX + roadmap.id(),
                    roadmap.importedAt().getEpochSecond())));
            return new ModelList(models);
        });
    }

    /** The model with that id, or a {@code model_not_found} error. */
    Mono<Model> find(String id) {
        return list().flatMap(list -> Mono.justOrEmpty(list.data().stream().filter(m -> m.id().equals(id)).findFirst()))
                .switchIfEmpty(Mono.error(() -> OpenAiException.modelNotFound(id)));
    }

    /**
     * The roadmap a model answers from: {@code null} for {@code groundwork}, the id for {@code groundwork/<id>}.
     * Fails with {@code model_not_found} for any other name (an unknown roadmap id is found out when answering).
     */
    static String roadmapOf(String model) {
        if (ALL.equals(model)) {
            return null;
        }
        if (model.startsWith(ROADMAP_PREFIX) && !model.substring(ROADMAP_PREFIX.length()).isBlank()) {
            return model.substring(ROADMAP_PREFIX.length());
        }
        throw OpenAiException.modelNotFound(model);
    }
}
