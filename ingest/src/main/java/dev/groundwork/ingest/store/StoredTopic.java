package dev.groundwork.ingest.store;

import dev.groundwork.ingest.roadmap.Topic;

/** A stored topic (with its subtree) and the roadmap it belongs to. */
public record StoredTopic(String roadmapId, String roadmapTitle, Topic topic) {
}
