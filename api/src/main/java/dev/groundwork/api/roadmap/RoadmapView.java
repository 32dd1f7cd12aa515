package dev.groundwork.api.roadmap;

import dev.groundwork.ingest.roadmap.Topic;
import dev.groundwork.ingest.store.StoredRoadmap;
import java.time.Instant;
import java.util.List;

/** A roadmap with its topic tree, as the API returns it. */
record RoadmapView(
        String id,
        String title,
        String description,
        int topicCount,
        int resourceCount,
        Instant importedAt,
        Instant updatedAt,
        List<Topic> topics) {

    static RoadmapView of(StoredRoadmap stored) {
        var s = stored.summary();
        return new RoadmapView(s.id(), s.title(), s.description(), s.topicCount(), s.resourceCount(),
                s.importedAt(), s.updatedAt(), stored.topics());
    }
}
