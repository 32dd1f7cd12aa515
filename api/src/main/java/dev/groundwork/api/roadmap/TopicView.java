package dev.groundwork.api.roadmap;

import dev.groundwork.ingest.roadmap.ResourceRef;
import dev.groundwork.ingest.roadmap.Topic;
import dev.groundwork.ingest.roadmap.TopicKind;
import dev.groundwork.ingest.store.StoredTopic;
import java.util.List;

/** One topic with its subtree and the roadmap it belongs to, as the API returns it. */
record TopicView(
        String id,
        String key,
        String title,
        TopicKind kind,
        List<String> path,
        String description,
        List<String> concepts,
        List<ResourceRef> resources,
        List<String> buildTasks,
        List<String> interviewFocus,
        List<Topic> children,
        String roadmapId,
        String roadmapTitle) {

    static TopicView of(StoredTopic stored) {
        Topic t = stored.topic();
        return new TopicView(t.id(), t.key(), t.title(), t.kind(), t.path(), t.description(), t.concepts(),
                t.resources(), t.buildTasks(), t.interviewFocus(), t.children(), stored.roadmapId(),
                stored.roadmapTitle());
    }
}
