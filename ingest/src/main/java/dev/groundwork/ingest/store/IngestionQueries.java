package dev.groundwork.ingest.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads where ingestion stands, per roadmap and per resource. Blocking JDBC. */
@Repository
public class IngestionQueries {

    private final JdbcClient jdbc;

    public IngestionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<IngestionStatus> all() {
        return jdbc.sql("SELECT id FROM roadmap ORDER BY imported_at, id").query(String.class).list().stream()
                .map(id -> status(id).orElseThrow())
                .toList();
    }

    public Optional<IngestionStatus> status(String roadmapId) {
        Optional<String> title = jdbc.sql("SELECT title FROM roadmap WHERE id = ?").param(roadmapId)
                .query(String.class).optional();
        if (title.isEmpty()) {
            return Optional.empty();
        }
        List<ResourceStatus> items = jdbc.sql("""
                SELECT r.url, min(tr.title) AS title, r.type, r.state, r.reason, coalesce(r.chunk_count, 0) AS chunks,
                       r.page_count,
                       (SELECT count(*) FROM document d WHERE d.resource_id = r.id) AS documents,
                       (SELECT count(*) FROM document d WHERE d.resource_id = r.id AND d.state = 'failed') AS failed
                FROM resource r JOIN topic_resource tr ON tr.resource_id = r.id JOIN topic t ON t.id = tr.topic_id
                WHERE t.roadmap_id = ?
                GROUP BY r.id ORDER BY min(t.position), r.url NULLS LAST
                """).param(roadmapId)
                .query((rs, n) -> new ResourceStatus(roadmapId, rs.getString("url"), rs.getString("title"),
                        rs.getString("type"), rs.getString("state"), rs.getString("reason"), rs.getInt("chunks"),
                        (Integer) rs.getObject("page_count"), rs.getInt("documents"), rs.getInt("failed")))
                .list();
        Map<String, Integer> resources = new TreeMap<>();
        items.forEach(item -> resources.merge(item.state(), 1, Integer::sum));
        Map<String, Integer> jobs = new LinkedHashMap<>();
        for (String state : List.of("queued", "running", "done", "failed")) {
            jobs.put(state, 0);
        }
        jdbc.sql("SELECT state, count(*) FROM ingest_job WHERE roadmap_id = ? GROUP BY state").param(roadmapId)
                .query(rs -> {
                    jobs.put(rs.getString(1), rs.getInt(2));
                });
        int topicChunks = jdbc.sql("""
                SELECT count(*) FROM chunks c JOIN topic t ON t.id = c.topic_id
                WHERE t.roadmap_id = ? AND t.archived_at IS NULL
                """).param(roadmapId).query(Integer.class).single();
        int chunks = items.stream().mapToInt(ResourceStatus::chunks).sum();
        boolean finished = jobs.get("queued") == 0 && jobs.get("running") == 0;
        return Optional.of(new IngestionStatus(roadmapId, title.get(), jobs, resources, chunks, topicChunks, finished,
                items));
    }
}
