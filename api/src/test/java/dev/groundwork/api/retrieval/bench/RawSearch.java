package dev.groundwork.api.retrieval.bench;

import dev.groundwork.api.retrieval.Vectors;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dense query of {@code Retriever} (same SQL shape: model filter, the roadmap's topics and resources as arrays,
 * order by cosine distance, a limit) in plain SQL, with the pgvector settings the product does not expose, to sweep
 * them and to show the plans PostgreSQL picks. Blocking; thread-safe.
 */
final class RawSearch {

    /**
     * @param efSearch      {@code hnsw.ef_search}
     * @param iterativeScan {@code hnsw.iterative_scan}: off, relaxed_order or strict_order
     * @param maxScanTuples {@code hnsw.max_scan_tuples} (pgvector's default 20,000)
     * @param limit         neighbours asked for
     * @param exact         {@code true}: index scans off, as the product's exact search
     * @param forceHnsw     bitmap scans off too, so that the planner cannot answer a scoped search from the b-tree
     *                      indexes on topic and resource (an exact search of the scope) and must use HNSW
     */
    record Settings(int efSearch, String iterativeScan, int maxScanTuples, int limit, boolean exact,
            boolean forceHnsw) {
    }

    private record Scope(UUID[] topics, UUID[] resources) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final String modelId;
    private final Map<String, Scope> scopes = new ConcurrentHashMap<>();

    RawSearch(JdbcClient jdbc, TransactionTemplate transaction, String modelId) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.modelId = modelId;
    }

    /** Chunk ids nearest first; {@code roadmapId} null searches everything. */
    List<String> search(float[] vector, String roadmapId, Settings settings) {
        return run(vector, roadmapId, settings, "SELECT id");
    }

    /** PostgreSQL's plan for the same query, one line per node, with buffers and times. */
    List<String> explain(float[] vector, String roadmapId, Settings settings) {
        return run(vector, roadmapId, settings, "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id");
    }

    private List<String> run(float[] vector, String roadmapId, Settings settings, String select) {
        Scope scope = roadmapId == null ? null : scopes.computeIfAbsent(roadmapId, this::scope);
        return transaction.execute(status -> {
            // the SQL is the same for every setting: a generic plan cached under other settings must not be reused
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
            if (settings.exact()) {
                jdbc.sql("SET LOCAL enable_indexscan = off").update();
            } else {
                jdbc.sql("SET LOCAL enable_seqscan = off").update();
                if (settings.forceHnsw()) {
                    jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
                }
                jdbc.sql("SET LOCAL hnsw.ef_search = " + settings.efSearch()).update();
                jdbc.sql("SET LOCAL hnsw.iterative_scan = " + settings.iterativeScan()).update();
                jdbc.sql("SET LOCAL hnsw.max_scan_tuples = " + settings.maxScanTuples()).update();
            }
            // relaxed_order may return neighbours slightly out of order: re-sorted outside, as pgvector advises
            var statement = jdbc.sql(select + " FROM (SELECT c.id::text AS id, c.embedding <=> CAST(:vector AS vector)"
                            + " AS distance FROM chunks c WHERE c.model_id = :model AND "
                            + (scope == null ? "TRUE" : "(c.topic_id = ANY (:topics) OR c.resource_id = ANY (:resources))")
                            + " ORDER BY c.embedding <=> CAST(:vector AS vector) LIMIT :limit) top ORDER BY distance, id")
                    .param("model", modelId).param("vector", Vectors.literal(vector)).param("limit", settings.limit());
            if (scope != null) {
                statement = statement.param("topics", scope.topics()).param("resources", scope.resources());
            }
            return statement.query(String.class).list();
        });
    }

    private Scope scope(String roadmapId) {
        UUID[] topics = jdbc.sql("SELECT id FROM topic WHERE roadmap_id = ? AND archived_at IS NULL").param(roadmapId)
                .query(UUID.class).list().toArray(UUID[]::new);
        UUID[] resources = jdbc.sql("SELECT DISTINCT resource_id FROM topic_resource WHERE topic_id = ANY (?)")
                .param(topics).query(UUID.class).list().toArray(UUID[]::new);
        return new Scope(topics, resources);
    }
}
