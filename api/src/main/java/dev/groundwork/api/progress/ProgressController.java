package dev.groundwork.api.progress;

import dev.groundwork.api.progress.ProgressViews.RoadmapProgress;
import dev.groundwork.api.progress.ProgressViews.RoadmapSummary;
import dev.groundwork.api.security.Learner;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Progress over HTTP: a roadmap's topics with their mastery and state, and every roadmap's completion for the
 * roadmap list. Every request acts for the current {@link Learner}; an unknown roadmap answers 404.
 */
@RestController
class ProgressController {

    private final ProgressService progress;

    ProgressController(ProgressService progress) {
        this.progress = progress;
    }

    @GetMapping("/api/roadmaps/{id}/progress")
    Mono<RoadmapProgress> roadmap(@PathVariable String id, Learner learner) {
        return progress.roadmap(learner, id);
    }

    @GetMapping("/api/progress")
    Mono<List<RoadmapSummary>> all(Learner learner) {
        return progress.all(learner);
    }
}
