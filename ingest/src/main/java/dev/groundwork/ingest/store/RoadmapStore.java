package dev.groundwork.ingest.store;

import dev.groundwork.ingest.roadmap.ResourceKinds;
import dev.groundwork.ingest.roadmap.ResourceRef;
import dev.groundwork.ingest.roadmap.Roadmap;
import dev.groundwork.ingest.roadmap.Topic;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes parsed roadmaps. Which roadmap an import writes is its {@link ImportMode}: by title (the same document
 * again is left unchanged; a different one whose title slug is taken is refused with {@link RoadmapExists}), an
 * update of a given id, or a new roadmap under a free slug. Writing is an upsert keyed by stable ids, in one
 * transaction: topics are updated in place, new ones added, and the ones that are gone deleted, except that a
 * topic learner data refers to (view {@code learner_topic_reference}) is archived instead: hidden, detached from
 * its parent and its resources, its id kept so that it comes back when a later import has it again. Resources are
 * shared between roadmaps and never deleted here (their chunks stay useful). A video ({@link ResourceKinds#VIDEO})
 * is stored {@code not_fetched}: no ingestion job is queued for it. Sources a learner added to a topic
 * ({@link SourceStore}) are not the document's: an import neither removes nor reattributes them, and marks those its
 * document lists too ({@code in_roadmap}).
 *
 * <p>Imports are serialised by one transaction-scoped advisory lock: choosing an id reads other roadmaps (their
 * titles, content hashes and taken suffixes), so two imports must not decide at once.
 *
 * <p>Blocking JDBC: call from a worker thread, never from an event loop.
 */
@Repository
public class RoadmapStore {

    private static final Logger log = LoggerFactory.getLogger(RoadmapStore.class);
    /** The state of a resource that is never fetched although it has a URL: a video. */
    static final String NOT_FETCHED = "not_fetched";
    static final String VIDEO_REASON = "video: not fetched";

    private final JdbcClient jdbc;
    private final Clock clock;

    public RoadmapStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores {@code parsed} as {@code mode} says; the roadmap it writes may have another id than the parsed one
     * ({@link ImportResult#roadmapId()}), with topic ids derived from that id ({@link Roadmap#withId}).
     *
     * @param sourceName the file name it came from, or {@code null}
     * @throws RoadmapExists  by title, when a different document is stored under the title's slug
     * @throws UnknownRoadmap on update, when no roadmap has the id
     */
    @Transactional
    public ImportResult save(Roadmap parsed, ImportMode mode, String sourceName, String document) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('groundwork:roadmap-import'))").query().singleValue();
        int topics = parsed.allTopics().size();
        switch (mode.kind()) {
            case BY_TITLE -> {
                Optional<String> same = jdbc.sql("""
                        SELECT id FROM roadmap WHERE content_hash = ? ORDER BY id = ? DESC, imported_at, id LIMIT 1
                        """).params(parsed.contentHash(), parsed.id()).query(String.class).optional();
                if (same.isPresent()) {
                    return ImportResult.sameDocument(same.get(), topics);
                }
                Optional<Stored> taken = stored(parsed.id());
                if (taken.isPresent()) {
                    throw new RoadmapExists(taken.get().id(), taken.get().title());
                }
                return write(parsed, sourceName, document);
            }
            case UPDATE -> {
                Stored target = stored(mode.roadmapId()).orElseThrow(() -> new UnknownRoadmap(mode.roadmapId()));
                if (target.contentHash().equals(parsed.contentHash())) {
                    return ImportResult.sameDocument(target.id(), topics);
                }
                return write(parsed.withId(target.id()), sourceName, document);
            }
            case AS_NEW -> {
                return write(parsed.withId(freeId(parsed.id())), sourceName, document);
            }
            default -> throw new IllegalArgumentException("unknown import mode " + mode);
        }
    }

    private Optional<Stored> stored(String roadmapId) {
        return jdbc.sql("SELECT id, title, content_hash FROM roadmap WHERE id = ?").param(roadmapId)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** {@code slug} when no roadmap has it, else {@code slug-n} with the smallest free n from 2. */
    private String freeId(String slug) {
        Set<String> taken = new HashSet<>(jdbc.sql("SELECT id FROM roadmap WHERE id = ? OR starts_with(id, ?)")
                .params(slug, slug + "-").query(String.class).list());
        String id = slug;
        for (int n = 2; taken.contains(id); n++) {
            id = slug + "-" + n;
        }
        return id;
    }

    private ImportResult write(Roadmap roadmap, String sourceName, String document) {
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
                    updated_at = EXCLUDED.updated_at
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
        // first detach the topics to keep for the learner, so that deleting a former parent cascades to none of them
        int archived = jdbc.sql("""
                UPDATE topic t SET archived_at = ?, parent_id = NULL
                WHERE t.roadmap_id = ? AND t.archived_at IS NULL AND NOT (t.id = ANY (?::uuid[]))
                  AND EXISTS (SELECT 1 FROM learner_topic_reference r WHERE r.topic_id = t.id)
                """).params(now, roadmap.id(), keep).update();
        int removed = jdbc.sql("""
                DELETE FROM topic t
                WHERE t.roadmap_id = ? AND NOT (t.id = ANY (?::uuid[]))
                  AND NOT EXISTS (SELECT 1 FROM learner_topic_reference r WHERE r.topic_id = t.id)
                """).params(roadmap.id(), keep).update();
        linkResources(roadmap.id(), topics);
        ImportResult result = new ImportResult(roadmap.id(), created, false, topics.size(), added, updated, removed,
                archived);
        log.info("Stored roadmap {}: {} topics ({} added, {} updated, {} removed, {} archived)",
                roadmap.id(), topics.size(), added, updated, removed, archived);
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
                    build_tasks = EXCLUDED.build_tasks, interview_focus = EXCLUDED.interview_focus,
                    archived_at = NULL
                WHERE (topic.parent_id, topic.key, topic.position, topic.kind, topic.title, topic.path,
                       topic.description, topic.concepts, topic.build_tasks, topic.interview_focus, topic.archived_at)
                      IS DISTINCT FROM
                      (EXCLUDED.parent_id, EXCLUDED.key, EXCLUDED.position, EXCLUDED.kind, EXCLUDED.title,
                       EXCLUDED.path, EXCLUDED.description, EXCLUDED.concepts, EXCLUDED.build_tasks,
                       EXCLUDED.interview_focus, EXCLUDED.archived_at)
                RETURNING (xmax = 0)
                """)
                .params(topic.id(), roadmapId, parentId, topic.key(), position, topic.kind().label(), topic.title(),
                        JsonColumns.write(topic.path()), topic.description(), JsonColumns.write(topic.concepts()),
                        JsonColumns.write(topic.buildTasks()), JsonColumns.write(topic.interviewFocus()))
                .query(Boolean.class).optional().orElse(null);
    }

    private void linkResources(String roadmapId, List<Topic> topics) {
        // a learner's own sources (added_by set) are theirs, not the document's: an update keeps them
        jdbc.sql("""
                DELETE FROM topic_resource
                WHERE topic_id IN (SELECT id FROM topic WHERE roadmap_id = ?) AND added_by IS NULL
                """).param(roadmapId).update();
        jdbc.sql("""
                UPDATE topic_resource SET in_roadmap = false
                WHERE topic_id IN (SELECT id FROM topic WHERE roadmap_id = ?) AND in_roadmap
                """).param(roadmapId).update();
        for (Topic topic : topics) {
            Map<UUID, ResourceRef> unique = new LinkedHashMap<>();
            topic.resources().forEach(ref -> unique.putIfAbsent(ResourceIds.of(ref), ref));
            int position = 0;
            for (Map.Entry<UUID, ResourceRef> e : unique.entrySet()) {
                ResourceRef ref = e.getValue();
                boolean video = ResourceKinds.VIDEO.equals(ref.type());
                // a link stored without a kind takes the one another roadmap gives it; a video is never fetched
                jdbc.sql("""
                        INSERT INTO resource (id, url, title, type, state, reason) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type,
                            state = CASE WHEN EXCLUDED.type = 'video' THEN EXCLUDED.state ELSE resource.state END,
                            reason = CASE WHEN EXCLUDED.type = 'video' THEN EXCLUDED.reason ELSE resource.reason END
                        WHERE resource.type = 'link' AND EXCLUDED.type <> 'link'
                        """).params(e.getKey(), ref.url(), ref.title(), ref.type(),
                                !ref.isLink() ? "reference" : video ? NOT_FETCHED : "pending", video ? VIDEO_REASON : null)
                        .update();
                jdbc.sql("""
                        INSERT INTO topic_resource (topic_id, resource_id, position, title) VALUES (?::uuid, ?, ?, ?)
                        ON CONFLICT (topic_id, resource_id) DO UPDATE SET in_roadmap = true, position = EXCLUDED.position
                        """)
                        .params(topic.id(), e.getKey(), position++, ref.title()).update();
            }
        }
    }

    /** What the store needs to know of a stored roadmap to decide an import. */
    private record Stored(String id, String title, String contentHash) {
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
