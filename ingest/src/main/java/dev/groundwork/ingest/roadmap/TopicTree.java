package dev.groundwork.ingest.roadmap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Freezes drafts into {@link Topic}s with stable identity: a topic's key is its path of slugs (numbered
 * headings use their label, so retitling keeps the id), duplicate sibling keys get {@code -2}, {@code -3},
 * and its id is a name-based UUID of the roadmap id and key. Empty unnumbered sections are dropped.
 * The parsed roadmap id is the slug of the title; {@link Roadmap#withId} moves a tree to another id.
 */
final class TopicTree {

    private final String roadmapId;

    private TopicTree(String roadmapId) {
        this.roadmapId = roadmapId;
    }

    static Roadmap build(RoadmapDraft draft, String contentHash) {
        String id = Slugs.of(draft.title, "roadmap");
        List<Topic> topics = new TopicTree(id).freeze(draft.topics, "", List.of());
        List<SkippedLink> skipped = new ArrayList<>(draft.front.skippedLinks);
        draft.topics.forEach(topic -> collectSkipped(topic, skipped));
        return new Roadmap(id, draft.title, draft.description(), topics, contentHash, skipped);
    }

    /** Skipped links of a draft and its subtree, also of drafts dropped as empty: a skip is reported either way. */
    private static void collectSkipped(TopicDraft draft, List<SkippedLink> skipped) {
        skipped.addAll(draft.skippedLinks);
        draft.children.forEach(child -> collectSkipped(child, skipped));
    }

    /** The stable id of the topic with {@code key} in the roadmap with {@code roadmapId}. */
    static String topicId(String roadmapId, String key) {
        return UUID.nameUUIDFromBytes((roadmapId + "/" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The same topics with ids derived from another roadmap id. */
    static List<Topic> reidentify(String roadmapId, List<Topic> topics) {
        return topics.stream()
                .map(t -> new Topic(topicId(roadmapId, t.key()), t.key(), t.title(), t.kind(), t.path(), t.description(),
                        t.concepts(), t.resources(), t.buildTasks(), t.interviewFocus(),
                        reidentify(roadmapId, t.children())))
                .toList();
    }

    private List<Topic> freeze(List<TopicDraft> drafts, String parentKey, List<String> parentPath) {
        List<Topic> topics = new ArrayList<>();
        Set<String> usedKeys = new HashSet<>();
        for (TopicDraft draft : drafts) {
            if (!draft.isNumbered() && draft.isEmpty()) {
                continue;
            }
            String segment = draft.label != null ? draft.label : Slugs.of(draft.title, "topic");
            String unique = segment;
            for (int n = 2; !usedKeys.add(unique); n++) {
                unique = segment + "-" + n;
            }
            String key = parentKey.isEmpty() ? unique : parentKey + "/" + unique;
            List<String> path = new ArrayList<>(parentPath);
            path.add(draft.title);
            topics.add(new Topic(
                    topicId(roadmapId, key),
                    key,
                    draft.title,
                    draft.finalKind(),
                    path,
                    draft.descriptionText(),
                    draft.concepts,
                    draft.resources,
                    draft.buildTasks,
                    draft.interviewFocus,
                    freeze(draft.children, key, path)));
        }
        return topics;
    }
}
