package dev.groundwork.api.progress;

import dev.groundwork.api.progress.ProgressViews.Counts;
import dev.groundwork.api.progress.ProgressViews.RoadmapProgress;
import dev.groundwork.api.progress.ProgressViews.TopicProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A roadmap's progress from its topic tree and the evidence on each topic: every topic judged on its own evidence and
 * its subtopics', then the leaf topics counted by state and the share of them that are solid. Pure; safe to share
 * between threads.
 */
final class RoadmapRollup {

    private final Mastery mastery;

    RoadmapRollup(Mastery mastery) {
        this.mastery = mastery;
    }

    /**
     * @param topics   the roadmap's topics in document order (a topic whose parent is not among them is a root)
     * @param evidence what the learner did on each topic itself, by topic id (a topic without any may be absent)
     */
    RoadmapProgress rollUp(String roadmapId, List<TopicNode> topics, Map<String, Evidence> evidence, Instant now) {
        Set<String> ids = new HashSet<>();
        topics.forEach(topic -> ids.add(topic.id()));
        Map<String, List<String>> children = new HashMap<>();
        for (TopicNode topic : topics) {
            if (topic.parentId() != null && ids.contains(topic.parentId())) {
                children.computeIfAbsent(topic.parentId(), k -> new ArrayList<>()).add(topic.id());
            }
        }
        Map<String, Evidence> subtree = new HashMap<>();
        List<TopicProgress> judged = new ArrayList<>();
        Map<TopicState, Integer> counts = new EnumMap<>(TopicState.class);
        int leaves = 0;
        for (TopicNode topic : topics) {
            TopicProgress progress = mastery.assess(topic.id(), gather(topic.id(), children, evidence, subtree), now);
            judged.add(progress);
            if (!children.containsKey(topic.id())) {
                leaves++;
                counts.merge(progress.state(), 1, Integer::sum);
            }
        }
        int solid = counts.getOrDefault(TopicState.SOLID, 0);
        return new RoadmapProgress(roadmapId, leaves == 0 ? 0 : Mastery.round((double) solid / leaves, 3),
                new Counts(counts.getOrDefault(TopicState.NOT_STARTED, 0), counts.getOrDefault(TopicState.LEARNING, 0),
                        solid, counts.getOrDefault(TopicState.NEEDS_REVISION, 0)),
                judged);
    }

    /** The topic's own evidence and everything under it, remembered so that each subtree is gathered once. */
    private static Evidence gather(String topicId, Map<String, List<String>> children, Map<String, Evidence> own,
            Map<String, Evidence> subtree) {
        Evidence known = subtree.get(topicId);
        if (known != null) {
            return known;
        }
        Evidence all = own.getOrDefault(topicId, Evidence.NONE);
        for (String child : children.getOrDefault(topicId, List.of())) {
            all = all.plus(gather(child, children, own, subtree));
        }
        subtree.put(topicId, all);
        return all;
    }

    /** A topic of the tree: its id and its parent's ({@code null} for a root). */
    record TopicNode(String id, String parentId) {
    }
}
