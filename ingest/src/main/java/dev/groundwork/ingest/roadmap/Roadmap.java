package dev.groundwork.ingest.roadmap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A parsed roadmap: its identity, title and the tree of topics it lists.
 *
 * @param id          stable id: as parsed, the slug of the title; the store may keep a roadmap under another id
 *                    (an update of a retitled document, or a second roadmap with the same title), see
 *                    {@link #withId}
 * @param title       the document title, repaired and without emoji
 * @param description the overview text under the title, or {@code null}
 * @param topics      top-level topics in document order
 * @param contentHash SHA-256 (hex) of the repaired text, to tell an unchanged re-import
 * @param skippedLinks links that are not resources (relative links, anchors, other schemes), in document order,
 *                     reported with the import
 */
public record Roadmap(String id, String title, String description, List<Topic> topics, String contentHash,
        List<SkippedLink> skippedLinks) {

    public Roadmap {
        topics = List.copyOf(topics);
        skippedLinks = List.copyOf(skippedLinks);
    }

    /**
     * This roadmap under another id: the same tree, with every topic id derived from {@code roadmapId} and the
     * topic's key, as the parser derives them from the slug.
     */
    public Roadmap withId(String roadmapId) {
        if (roadmapId.equals(id)) {
            return this;
        }
        return new Roadmap(roadmapId, title, description, TopicTree.reidentify(roadmapId, topics), contentHash,
                skippedLinks);
    }

    /** Every topic of the tree, depth first, parents before their children. */
    @JsonIgnore
    public List<Topic> allTopics() {
        List<Topic> all = new ArrayList<>();
        Consumer<Topic>[] visit = new Consumer[1];
        visit[0] = t -> {
            all.add(t);
            t.children().forEach(visit[0]);
        };
        topics.forEach(visit[0]);
        return all;
    }
}
