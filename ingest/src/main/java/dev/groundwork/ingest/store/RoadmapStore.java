package dev.groundwork.ingest.store;

import dev.groundwork.ingest.roadmap.ResourceRef;
import dev.groundwork.ingest.roadmap.Roadmap;
import dev.groundwork.ingest.roadmap.Topic;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes parsed roadmaps. Storing is an upsert keyed by the parser's stable ids: re-importing the same or an
 * edited roadmap updates its topics in place, adds new ones and deletes the ones that are gone, in one
 * transaction. Resources are shared between roadmaps and never deleted here (their chunks stay useful).
 *
 * <p>Blocking JDBC: call from a worker thread, never from an event loop.
 */
@Repository
public class RoadmapStore {

    private static final Logger log = LoggerFactory.getLogger(RoadmapStore.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    public RoadmapStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores {@code roadmap}, replacing what was stored under its id.
     *
     * @param sourceName the file name it came from, or {@code null}
     */
    @Transactional
    public ImportResult save(Roadmap roadmap, String sourceName, String document) {
        // serialise concurrent imports of the same roadmap
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param(roadmap.id()).query().singleValue();
        Timestamp now = Timestamp.from(clock.instant());
        boolean created = jdbc.sql("""
                INSERT INTO roadmap (id, title, description, source_name, content_hash, document, imported_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET
                    title = EXCLUDED.title,
                    description = EXCLUDED.description,
                    source_name = coalesce(EXCLUDED.source_name, roadmap.source_name),
                    document = EXCLUDED.document,
                    content_hash = EXCLUDED.content_hash,
                    updated_at = CASE WHEN roadmap.content_hash = EXCLUDED.content_hash
                                      THEN roadmap.updated_at ELSE EXCLUDED.updated_at END
                RETURNING (xmax = 0)
                """)
                .params(roadmap.id(), roadmap.title(), roadmap.description(), sourceName, roadmap.contentHash(),
                        document, now, now)
                .query(Boolean.class).single();

        List<Topic> topics = roadmap.allTopics();
        Map<String, String> parents = parentIds(roadmap.topics());
        int added = 0;
        int updated = 0;
        for (int position = 0; position < topics.size(); position++) {
            Topic topic = topics.get(position);
            Boolean inserted = upsertTopic(roadmap.id(), topic, parents.get(topic.id()), position);
            if (inserted != null) {
                if (inserted) {
                    added++;
                } else {
                    updated++;
                }
            }
        }
        String[] keep = topics.stream().map(Topic::id).toArray(String[]::new);
        int removed = jdbc.sql("DELETE FROM topic WHERE roadmap_id = ? AND NOT (id = ANY (?::uuid[]))")
                .params(roadmap.id(), keep).update();
        linkResources(roadmap.id(), topics);
        ImportResult result = new ImportResult(roadmap.id(), created, topics.size(), added, updated, removed);
        log.info("Stored roadmap {}: {} topics ({} added, {} updated, {} removed)",
                roadmap.id(), topics.size(), added, updated, removed);
        return result;
    }

    /** @return {@code true} if inserted, {@code false} if an existing row changed, {@code null} if unchanged */
    private Boolean upsertTopic(String roadmapId, Topic topic, String parentId, int position) {
        return jdbc.sql("""
                INSERT INTO topic (id, roadmap_id, parent_id, key, position, kind, title, path, description,
                                   concepts, build_tasks, interview_focus)
                VALUES (?::uuid, ?, ?::uuid, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?::jsonb, ?::jsonb)
                ON CONFLICT (id) DO UPDATE SET
                    parent_id = EXCLUDED.parent_id, key = EXCLUDED.key, position = EXCLUDED.position,
                    kind = EXCLUDED.kind, title = EXCLUDED.title, path = EXCLUDED.path,
                    description = EXCLUDED.description, concepts = EXCLUDED.concepts,
                    build_tasks = EXCLUDED.build_tasks, interview_focus = EXCLUDED.interview_focus
                WHERE (topic.parent_id, topic.key, topic.position, topic.kind, topic.title, topic.path,
                       topic.description, topic.concepts, topic.build_tasks, topic.interview_focus)
                      IS DISTINCT FROM
                      (EXCLUDED.parent_id, EXCLUDED.key, EXCLUDED.position, EXCLUDED.kind, EXCLUDED.title,
                       EXCLUDED.path, EXCLUDED.description, EXCLUDED.concepts, EXCLUDED.build_tasks,
                       EXCLUDED.interview_focus)
                RETURNING (xmax = 0)
                """)
                .params(topic.id(), roadmapId, parentId, topic.key(), position, topic.kind().label(), topic.title(),
                        JsonColumns.write(topic.path()), topic.description(), JsonColumns.write(topic.concepts()),
                        JsonColumns.write(topic.buildTasks()), JsonColumns.write(topic.interviewFocus()))
                .query(Boolean.class).optional().orElse(null);
    }

    private void linkResources(String roadmapId, List<Topic> topics) {
        jdbc.sql("DELETE FROM topic_resource WHERE topic_id IN (SELECT id FROM topic WHERE roadmap_id = ?)")
                .param(roadmapId).update();
        for (Topic topic : topics) {
            Map<UUID, ResourceRef> unique = new LinkedHashMap<>();
            topic.resources().forEach(ref -> unique.putIfAbsent(ResourceIds.of(ref), ref));
            int position = 0;
            for (Map.Entry<UUID, ResourceRef> e : unique.entrySet()) {
                ResourceRef ref = e.getValue();
                jdbc.sql("""
                        INSERT INTO resource (id, url, title, type, state) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO NOTHING
                        """).params(e.getKey(), ref.url(), ref.title(), ref.type(), ref.isLink() ? "pending" : "reference")
                        .update();
                jdbc.sql("INSERT INTO topic_resource (topic_id, resource_id, position, title) VALUES (?::uuid, ?, ?, ?)")
                        .params(topic.id(), e.getKey(), position++, ref.title()).update();
            }
        }
    }

    private static Map<String, String> parentIds(List<Topic> roots) {
        Map<String, String> parents = new HashMap<>();
        List<Topic> pending = new ArrayList<>(roots);
        while (!pending.isEmpty()) {
            Topic parent = pending.remove(pending.size() - 1);
            for (Topic child : parent.children()) {
                parents.put(child.id(), parent.id());
                pending.add(child);
            }
        }
        return parents;
    }
}
