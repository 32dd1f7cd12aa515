package dev.groundwork.ingest.store;

import dev.groundwork.ingest.roadmap.ResourceRef;
import dev.groundwork.ingest.roadmap.Topic;
import dev.groundwork.ingest.roadmap.TopicKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads stored roadmaps and rebuilds their topic trees in document order. Archived topics (removed from their
 * roadmap but kept for the learner data that refers to them) are not part of any tree or count, and are not found
 * by id. Blocking JDBC.
 */
@Repository
public class RoadmapQueries {

    private static final String SUMMARY = """
            SELECT r.id, r.title, r.description, r.imported_at, r.updated_at,
                   (SELECT count(*) FROM topic t WHERE t.roadmap_id = r.id AND t.archived_at IS NULL) AS topic_count,
                   (SELECT count(DISTINCT tr.resource_id) FROM topic_resource tr JOIN topic t ON t.id = tr.topic_id
                     WHERE t.roadmap_id = r.id AND t.archived_at IS NULL) AS resource_count
            FROM roadmap r
            """;

    private final JdbcClient jdbc;

    public RoadmapQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All roadmaps, most recently imported first. */
    public List<RoadmapSummary> list() {
        return jdbc.sql(SUMMARY + " ORDER BY r.imported_at DESC, r.id").query(RoadmapQueries::summary).list();
    }

    public Optional<StoredRoadmap> find(String roadmapId) {
        return jdbc.sql(SUMMARY + " WHERE r.id = ?").param(roadmapId).query(RoadmapQueries::summary).optional()
                .map(summary -> new StoredRoadmap(summary, tree(roadmapId, null)));
    }

    /**
     * The topic with its subtree, or empty when no topic has that id (also for ids that are not UUIDs) or the topic
     * is archived.
     */
    public Optional<StoredTopic> findTopic(String topicId) {
        UUID id;
        try {
            id = UUID.fromString(topicId);
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT t.roadmap_id, r.title FROM topic t JOIN roadmap r ON r.id = t.roadmap_id"
                        + " WHERE t.id = ? AND t.archived_at IS NULL")
                .param(id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional()
                .map(owner -> new StoredTopic(owner[0], owner[1], tree(owner[0], id.toString()).get(0)));
    }

    /** Builds the roadmap's trees; with {@code rootId}, only the subtree rooted there. */
    private List<Topic> tree(String roadmapId, String rootId) {
        List<Row> rows = jdbc.sql("""
                SELECT id, parent_id, key, kind, title, path, description, concepts, build_tasks, interview_focus
                FROM topic WHERE roadmap_id = ? AND archived_at IS NULL ORDER BY position
                """).param(roadmapId).query(RoadmapQueries::row).list();
        Map<String, List<ResourceRef>> resources = resources(roadmapId);
        Map<String, List<Row>> byParent = new HashMap<>();
        for (Row row : rows) {
            byParent.computeIfAbsent(row.parentId, k -> new ArrayList<>()).add(row);
        }
        List<Row> roots = rootId == null
                ? byParent.getOrDefault(null, List.of())
                : rows.stream().filter(r -> r.id.equals(rootId)).toList();
        return roots.stream().map(r -> build(r, byParent, resources)).toList();
    }

    private static Topic build(Row row, Map<String, List<Row>> byParent, Map<String, List<ResourceRef>> resources) {
        List<Topic> children = byParent.getOrDefault(row.id, List.of()).stream()
                .map(child -> build(child, byParent, resources))
                .toList();
        return new Topic(row.id, row.key, row.title, row.kind, row.path, row.description, row.concepts,
                resources.getOrDefault(row.id, List.of()), row.buildTasks, row.interviewFocus, children);
    }

    private Map<String, List<ResourceRef>> resources(String roadmapId) {
        Map<String, List<ResourceRef>> byTopic = new HashMap<>();
        jdbc.sql("""
                SELECT tr.topic_id, r.url, tr.title, r.type
                FROM topic_resource tr JOIN topic t ON t.id = tr.topic_id JOIN resource r ON r.id = tr.resource_id
                WHERE t.roadmap_id = ? AND tr.in_roadmap ORDER BY tr.topic_id, tr.position
                """).param(roadmapId).query(rs -> {
                    byTopic.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new ResourceRef(rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        return byTopic;
    }

    private static RoadmapSummary summary(ResultSet rs, int rowNum) throws SQLException {
        return new RoadmapSummary(rs.getString("id"), rs.getString("title"), rs.getString("description"),
                rs.getInt("topic_count"), rs.getInt("resource_count"),
                rs.getTimestamp("imported_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("parent_id"), rs.getString("key"),
                TopicKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("title"),
                JsonColumns.read(rs.getString("path")), rs.getString("description"),
                JsonColumns.read(rs.getString("concepts")), JsonColumns.read(rs.getString("build_tasks")),
                JsonColumns.read(rs.getString("interview_focus")));
    }

    private record Row(String id, String parentId, String key, TopicKind kind, String title, List<String> path,
                       String description, List<String> concepts, List<String> buildTasks,
                       List<String> interviewFocus) {
    }
}
