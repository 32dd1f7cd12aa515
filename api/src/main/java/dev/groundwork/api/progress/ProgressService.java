package dev.groundwork.api.progress;

import dev.groundwork.api.problem.NotFound;
import dev.groundwork.api.progress.ProgressViews.RoadmapProgress;
import dev.groundwork.api.progress.ProgressViews.RoadmapSummary;
import dev.groundwork.api.progress.RoadmapRollup.TopicNode;
import dev.groundwork.api.review.fsrs.SchedulerSettings;
import dev.groundwork.api.security.Learner;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The boundary between the progress endpoints and the blocking store: every call reads on the {@code jdbc}
 * scheduler and judges what it read there, at the injected clock's now, for one learner.
 *
 * <p>Retrievability uses FSRS-6's default weights, the ones every learner's items are scheduled with; the learner's
 * desired retention changes when items come due, not how fast they are forgotten.
 */
@Service
class ProgressService {

    private final ProgressStore store;
    private final RoadmapRollup rollup;
    private final Clock clock;
    private final Scheduler jdbc;

    ProgressService(ProgressStore store, Clock clock, @Qualifier("jdbcScheduler") Scheduler jdbc) {
        this.store = store;
        this.rollup = new RoadmapRollup(new Mastery(
                new dev.groundwork.api.review.fsrs.Scheduler(SchedulerSettings.DEFAULTS)));
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** The roadmap's progress for the learner; a {@link NotFound} for an unknown roadmap. */
    Mono<RoadmapProgress> roadmap(Learner learner, String roadmapId) {
        return Mono.fromCallable(() -> {
            if (!store.roadmapExists(roadmapId)) {
                throw new NotFound("roadmap", roadmapId);
            }
            Instant now = clock.instant();
            List<TopicNode> topics = store.topics(roadmapId).getOrDefault(roadmapId, List.of());
            return rollup.rollUp(roadmapId, topics, store.evidence(learner.id(), roadmapId), now);
        }).subscribeOn(jdbc);
    }

    /** Every roadmap's completion and counts for the learner, most recently imported first. */
    Mono<List<RoadmapSummary>> all(Learner learner) {
        return Mono.fromCallable(() -> {
            Instant now = clock.instant();
            List<String> roadmaps = store.roadmapIds();
            Map<String, List<TopicNode>> topics = store.topics(null);
            Map<String, Evidence> evidence = store.evidence(learner.id(), null);
            List<RoadmapSummary> summaries = new ArrayList<>();
            for (String roadmap : roadmaps) {
                summaries.add(RoadmapSummary.of(
                        rollup.rollUp(roadmap, topics.getOrDefault(roadmap, List.of()), evidence, now)));
            }
            return summaries;
        }).subscribeOn(jdbc);
    }
}
