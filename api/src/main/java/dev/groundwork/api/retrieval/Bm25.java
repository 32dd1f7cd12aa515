package dev.groundwork.api.retrieval;

import dev.groundwork.api.retrieval.Retriever.ScopeFilter;

/**
 * BM25 in SQL over the {@code chunk_term} inverted index that triggers on {@code chunks} keep (migration V9): the
 * query's words go through the same {@code english} configuration as the chunks (stemmed, stop words dropped); each
 * term's document frequency is counted from the index at search time, the corpus size and average chunk length come
 * from {@code text_stats}; a chunk scores, over the query terms it holds,
 * {@code idf · tf / (tf + k1 · (1 − b + b · length / average length))} with Lucene's
 * {@code idf = ln(1 + (N − df + 0.5) / (df + 0.5))}. Statistics are those of every stored chunk, whatever the scope.
 *
 * <p>Parameters: {@code :text}, {@code :k1}, {@code :b}, {@code :limit}, {@code :model}, and the scope filter's.
 */
final class Bm25 {

    // float8 throughout: count(*) is bigint, and bigint with a decimal literal would be numeric, whose ln is slow
    private static final String TERMS = """
            WITH q AS (SELECT unnest(tsvector_to_array(to_tsvector('english', :text))) AS term),
            corpus AS (SELECT greatest(sum(chunks), 1)::float8 AS n,
                              greatest(sum(words), 1)::float8 / greatest(sum(chunks), 1) AS average FROM text_stats),
            weight AS (SELECT p.term, ln(1 + (corpus.n - count(*) + 0.5::float8) / (count(*) + 0.5::float8)) AS idf
                       FROM chunk_term p JOIN q ON q.term = p.term, corpus GROUP BY p.term, corpus.n)
            SELECT p.chunk_id AS id, sum(w.idf * p.tf / (p.tf + CAST(:k1 AS float8)
                       * (1 - CAST(:b AS float8) + CAST(:b AS float8) * p.chunk_length / corpus.average))) AS rank
            FROM chunk_term p JOIN weight w ON w.term = p.term CROSS JOIN corpus
            """;

    private Bm25() {
    }

    /**
     * The ids and scores of the best {@code :limit} chunks in the scope. Over every chunk, the ranking reads the
     * index alone and the caller's join drops chunks of another embedding model afterwards; in a narrower scope the
     * chunks are filtered before ranking, so the limit is filled from the scope.
     */
    static String ranking(ScopeFilter filter) {
        String scoped = filter.all() ? "" : " JOIN chunks c ON c.id = p.chunk_id WHERE c.model_id = :model AND "
                + filter.sql();
        return TERMS + scoped + " GROUP BY p.chunk_id ORDER BY rank DESC, p.chunk_id LIMIT :limit";
    }
}
