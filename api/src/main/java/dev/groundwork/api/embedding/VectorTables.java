package dev.groundwork.api.embedding;

import com.pgvector.PGvector;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The vectors of models other than the base one: a table per dimension ({@code chunk_vectors_<dimensions>}, created on
 * first use with its HNSW cosine index), a row per (model, chunk), deleted with its chunk. Blocking JDBC: called on the
 * rebuild thread, or inside a {@code jdbc} task.
 */
final class VectorTables {

    /** A chunk still without a vector of some model, and the text to embed. */
    record Pending(UUID id, String content) {
    }

    private final JdbcClient jdbc;

    VectorTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the model's table and indexes if missing; one process at a time (an advisory lock, in a transaction). */
    void ensure(RetrievalModel model) {
        String table = model.table();
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('groundwork:chunk-vectors'))").query().singleValue();
        jdbc.sql("CREATE TABLE IF NOT EXISTS " + table + " (chunk_id uuid NOT NULL REFERENCES chunks (id)"
                + " ON DELETE CASCADE, model_id text NOT NULL, embedding vector(" + model.dimensions() + ") NOT NULL,"
                + " PRIMARY KEY (model_id, chunk_id))").update();
        jdbc.sql("CREATE INDEX IF NOT EXISTS " + table + "_chunk ON " + table + " (chunk_id)").update();
        jdbc.sql("CREATE INDEX IF NOT EXISTS " + table + "_hnsw ON " + table
                + " USING hnsw (embedding vector_cosine_ops)").update();
    }

    /** Up to {@code limit} chunks without a vector of the model, in id order. */
    List<Pending> missing(RetrievalModel model, int limit) {
        return jdbc.sql("SELECT c.id, coalesce(c.content, '') AS content FROM chunks c WHERE NOT EXISTS (SELECT 1 FROM "
                        + model.table() + " v WHERE v.model_id = ? AND v.chunk_id = c.id) ORDER BY c.id LIMIT ?")
                .param(model.id()).param(limit)
                .query((rs, row) -> new Pending(rs.getObject("id", UUID.class), rs.getString("content"))).list();
    }

    /** Until the transaction ends, no chunk is written or deleted (readers go on). */
    void blockChunkWrites() {
        jdbc.sql("LOCK TABLE chunks IN SHARE MODE").update();
    }

    /** Whether any chunk lacks a vector of the model. */
    boolean anyMissing(RetrievalModel model) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM chunks c WHERE NOT EXISTS (SELECT 1 FROM " + model.table()
                + " v WHERE v.model_id = ? AND v.chunk_id = c.id))").param(model.id()).query(Boolean.class).single();
    }

    /** Stores the vectors of chunks that still exist (one deleted meanwhile is skipped). */
    void store(RetrievalModel model, List<Pending> chunks, List<float[]> vectors) {
        String sql = "INSERT INTO " + model.table() + " (chunk_id, model_id, embedding) SELECT id, ?, ? FROM chunks"
                + " WHERE id = ? ON CONFLICT DO NOTHING";
        for (int i = 0; i < chunks.size(); i++) {
            jdbc.sql(sql).param(model.id()).param(new PGvector(vectors.get(i))).param(chunks.get(i).id()).update();
        }
    }

    /** Chunks with a vector of the model. */
    int count(RetrievalModel model) {
        return jdbc.sql("SELECT count(*) FROM " + model.table() + " WHERE model_id = ?").param(model.id())
                .query(Integer.class).single();
    }

    int chunks() {
        return jdbc.sql("SELECT count(*) FROM chunks").query(Integer.class).single();
    }

    /** Drops a retired model's vectors (its table stays for other models of that dimension). */
    int delete(String modelId, int dimensions) {
        String table = RetrievalModel.tableFor(dimensions);
        boolean exists = jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(table).query(Boolean.class).single();
        return exists ? jdbc.sql("DELETE FROM " + table + " WHERE model_id = ?").param(modelId).update() : 0;
    }
}
