package dev.groundwork.ingest.store;

import java.time.Instant;

/** A stored roadmap without its tree: what a list of roadmaps shows. */
public record RoadmapSummary(
        String id,
        String title,
        String description,
        int topicCount,
        int resourceCount,
        Instant importedAt,
        Instant updatedAt) {
}
