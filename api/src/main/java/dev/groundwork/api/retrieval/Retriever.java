package dev.groundwork.api.retrieval;

import dev.groundwork.api.embedding.RetrievalModel;
import dev.groundwork.api.embedding.RetrievalModels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Hybrid search over the {@code chunks} table; with {@link Passages} (chunks by identity), the only class that
 * reads it. A query is embedded by the {@link QueryEmbedder} (cached, micro-batched on the bounded
 * {@code inference} scheduler); the searches run on the bounded {@code jdbc} scheduler: pgvector nearest neighbours
 * (HNSW with iterative scans, or an exact scan) and BM25 over PostgreSQL's inverted index of the chunks' words
 * ({@link Bm25}), fused with weighted reciprocal rank fusion, near-duplicates collapsed and the rest diversified
 * with maximal marginal relevance.
 *
 * <p>Dense search uses the model {@link RetrievalModels#serving()} names: the base model's vectors in
 * {@code chunks.embedding} with the request's vector, or another model's in its {@code chunk_vectors_<dimensions>}
 * table with the question embedded by that model ({@link QueryEmbedder#embedNow(RetrievalModel, String)}). A chunk
 * is never compared with a query of another model. Full text and diversification always use the base columns.
 */
@Component
public class Retriever {

    private static final Logger log = LoggerFactory.getLogger(Retriever.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final RetrievalModels models;
    private final RetrievalProperties properties;
    private final QueryEmbedder queries;
    private final Scheduler database;

    Retriever(JdbcClient jdbc, TransactionTemplate transaction, RetrievalModels models, RetrievalProperties properties,
            QueryEmbedder queries, @Qualifier("jdbcScheduler") Scheduler database) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.models = models;
        this.properties = properties;
        this.queries = queries;
        this.database = database;
    }

    /** The best {@link RetrievalProperties#results()} chunks for a question, fused and diversified. */
    public Mono<List<RetrievedChunk>> retrieve(String question, Scope scope) {
        return queries.embed(question)
                .publishOn(database)
                .map(vector -> search(new SearchRequest(question, vector, scope, SearchRequest.Mode.FUSED, false,
                        properties.results(), true)));
    }

    /** Embeds a query as the searches expect it. Blocking and CPU-bound: never call it on an event loop. */
    public float[] embedQuery(String query) {
        return queries.embedNow(query);
    }

    /** Runs one search. Blocking (JDBC): never call it on an event loop. */
    public List<RetrievedChunk> search(SearchRequest request) {
        long start = System.nanoTime();
        List<RetrievedChunk> found = rank(request);
        log.debug("Searched {} ({}) in {} ms: {} chunks", request.scope().kind(), request.mode(),
                (System.nanoTime() - start) / 1_000_000, found.size());
        return found;
    }

    private List<RetrievedChunk> rank(SearchRequest request) {
        ScopeFilter filter = ScopeFilter.resolve(jdbc, request.scope());
        if (filter.isEmpty()) {
            return List.of();
        }
        int pool = Math.max(properties.candidates(), request.limit());
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        if (request.mode() != SearchRequest.Mode.FULL_TEXT) {
            List<Candidate> dense = dense(request, filter, pool);
            for (int rank = 0; rank < dense.size(); rank++) {
                Candidate hit = dense.get(rank);
                hit.score += request.mode() == SearchRequest.Mode.DENSE
                        ? hit.similarity : properties.denseWeight() / (properties.rrfK() + rank + 1);
                candidates.put(hit.id(), hit);
            }
        }
        if (request.mode() != SearchRequest.Mode.DENSE) {
            List<Candidate> text = fullText(request, filter, pool);
            for (int rank = 0; rank < text.size(); rank++) {
                Candidate hit = candidates.getOrDefault(text.get(rank).id(), text.get(rank));
                hit.textRank = text.get(rank).textRank;
                hit.score += request.mode() == SearchRequest.Mode.FULL_TEXT
                        ? hit.textRank : properties.textWeight() / (properties.rrfK() + rank + 1);
                candidates.put(hit.id(), hit);
            }
        }
        List<Candidate> ranked = new ArrayList<>(candidates.values());
        ranked.sort(Comparator.comparingDouble((Candidate c) -> c.score).reversed().thenComparing(Candidate::id));
        List<Candidate> chosen = request.diversify()
                ? Diversifier.diversify(ranked, request.limit(), properties.mmrLambda(), properties.duplicateSimilarity())
                : ranked.subList(0, Math.min(request.limit(), ranked.size()));
        return chosen.stream().map(Candidate::toChunk).toList();
    }

    private List<Candidate> dense(SearchRequest request, ScopeFilter filter, int limit) {
        RetrievalModel serving = models.serving();
        float[] query = request.vector();
        if (!serving.base()) {
            try {
                query = queries.embedNow(serving, request.text());
            } catch (RuntimeException e) {
                // the base model's vectors are always complete: a provider that is down costs ranking, not the answer
                log.warn("Embedding model {} did not embed a question, searching with {} instead: {}", serving.id(),
                        models.base().id(), e.toString());
                serving = models.base();
                query = request.vector();
            }
        }
        RetrievalModel model = serving;
        String vector = Vectors.literal(query);
        // the base model's vectors are columns of the chunks; another model's rows of its own table
        String nearest = model.base()
                ? "SELECT c.id, 1 - (c.embedding <=> CAST(:vector AS vector)) AS similarity FROM chunks c"
                        + " WHERE c.model_id = :model AND " + filter.sql()
                        + " ORDER BY c.embedding <=> CAST(:vector AS vector) LIMIT :limit"
                : "SELECT c.id, 1 - (v.embedding <=> CAST(:vector AS vector)) AS similarity FROM " + model.table()
                        + " v JOIN chunks c ON c.id = v.chunk_id WHERE v.model_id = :model AND " + filter.sql()
                        + " ORDER BY v.embedding <=> CAST(:vector AS vector) LIMIT :limit";
        List<Candidate> hits = transaction.execute(status -> {
            // settings local to this transaction, in one round trip. A custom plan every time: the statement is the
            // same for every scope and mode, and a plan the driver cached for one would ignore these settings
            if (request.exact()) {
                jdbc.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true),"
                        + " set_config('enable_indexscan', 'off', true)").query().singleRow();
            } else {
                // the HNSW index even where the planner would scan a small table: this is the approximate mode
                jdbc.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true),"
                                + " set_config('enable_seqscan', 'off', true), set_config('hnsw.ef_search', ?, true),"
                                + " set_config('hnsw.iterative_scan', 'relaxed_order', true)")
                        .param(String.valueOf(Math.max(properties.efSearch(), limit))).query().singleRow();
            }
            // rank on the vectors alone, then read the columns of the few winners
            return jdbc.sql(Candidate.select(request.diversify()) + ", top.similarity, 0 AS rank FROM (" + nearest
                            + ") top JOIN chunks c ON c.id = top.id")
                    .param("vector", vector).param("model", model.id()).param("limit", limit)
                    .params(filter.values())
                    .query(Candidate::map).list();
        });
        // relaxed_order may return neighbours slightly out of order
        hits = new ArrayList<>(hits);
        // ties in id order, so that exact and approximate searches rank equal neighbours alike
        hits.sort(Comparator.comparingDouble((Candidate c) -> c.similarity).reversed().thenComparing(Candidate::id));
        return hits;
    }

    private List<Candidate> fullText(SearchRequest request, ScopeFilter filter, int limit) {
        return jdbc.sql(Candidate.select(request.diversify()) + ", 0 AS similarity, top.rank FROM ("
                        + Bm25.ranking(filter) + ") top JOIN chunks c ON c.id = top.id"
                        + " WHERE c.model_id = :model AND " + filter.sql() + " ORDER BY top.rank DESC, c.id")
                .param("text", request.text()).param("model", models.base().id()).param("limit", limit)
                .param("k1", properties.bm25K1()).param("b", properties.bm25B())
                .params(filter.values())
                .query(Candidate::map).list();
    }

    /**
     * The topics and resources a scope covers, as a SQL condition on {@code c}. Archived topics (removed from their
     * roadmap, kept for the learner data on them) are outside a roadmap's and the global scope: their own text
     * chunks stay stored but are not searched there. They have no resources, and no parent to be a subtopic of.
     */
    record ScopeFilter(String sql, Map<String, Object> values, boolean isEmpty) {

        /** Every chunk: the global scope when no topic is archived. */
        boolean all() {
            return "TRUE".equals(sql);
        }

        static ScopeFilter resolve(JdbcClient jdbc, Scope scope) {
            if (scope.kind() == Scope.Kind.GLOBAL) {
                // few topics are ever archived: excluding them by id costs nothing when there are none
                UUID[] archived = jdbc.sql("SELECT id FROM topic WHERE archived_at IS NOT NULL").query(UUID.class)
                        .list().toArray(UUID[]::new);
                return archived.length == 0 ? new ScopeFilter("TRUE", Map.of(), false)
                        : new ScopeFilter("(c.topic_id IS NULL OR NOT (c.topic_id = ANY (:archived)))",
                                Map.of("archived", archived), false);
            }
            List<UUID> topics = scope.kind() == Scope.Kind.ROADMAP
                    ? jdbc.sql("SELECT id FROM topic WHERE roadmap_id = ? AND archived_at IS NULL").param(scope.id())
                            .query(UUID.class).list()
                    : jdbc.sql("""
                            WITH RECURSIVE sub(id) AS (
                                SELECT id FROM topic WHERE id::text = ?
                                UNION ALL SELECT t.id FROM topic t JOIN sub ON t.parent_id = sub.id)
                            SELECT id FROM sub
                            """).param(scope.id()).query(UUID.class).list();
            if (topics.isEmpty()) {
                return new ScopeFilter("FALSE", Map.of(), true);
            }
            UUID[] topicIds = topics.toArray(UUID[]::new);
            UUID[] resourceIds = jdbc.sql("SELECT DISTINCT resource_id FROM topic_resource WHERE topic_id = ANY (?)")
                    .param(topicIds).query(UUID.class).list().toArray(UUID[]::new);
            return new ScopeFilter("(c.topic_id = ANY (:topics) OR c.resource_id = ANY (:resources))",
                    Map.of("topics", topicIds, "resources", resourceIds), false);
        }
    }
}
