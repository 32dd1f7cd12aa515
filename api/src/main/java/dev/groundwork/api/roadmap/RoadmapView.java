package dev.groundwork.api.roadmap;

import dev.groundwork.api.refresh.Freshness;
import dev.groundwork.ingest.roadmap.Topic;
import dev.groundwork.ingest.store.StoredRoadmap;
import java.time.Instant;
import java.util.List;

/** A roadmap with its topic tree and how fresh its resources are, as the API returns it. */
record RoadmapView(
        String id,
        String title,
        String description,
        int topicCount,
        int resourceCount,
        Instant importedAt,
        Instant updatedAt,
        List<Topic> topics,
        Freshness freshness) {

    static RoadmapView of(StoredRoadmap stored, Freshness freshness) {
        var s = stored.summary();
        return new RoadmapView(s.id(), s.title(), s.description(), s.topicCount(), s.resourceCount(),
                s.importedAt(), s.updatedAt(), stored.topics(), freshness);
    }
}
