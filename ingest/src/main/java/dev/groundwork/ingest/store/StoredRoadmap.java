package dev.groundwork.ingest.store;

import dev.groundwork.ingest.roadmap.Topic;
import java.util.List;

/** A stored roadmap with its topic tree, rebuilt from the database in document order. */
public record StoredRoadmap(RoadmapSummary summary, List<Topic> topics) {

    public StoredRoadmap {
        topics = List.copyOf(topics);
    }
}
